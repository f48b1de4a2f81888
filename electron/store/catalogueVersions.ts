import type { CatalogueInfo } from '../../shared/selling/schemas';
import type { Db } from './db';

export interface VersionCounts {
  added: number;
  changed: number;
  unchanged: number;
}

/**
 * The catalogue's version log: 1, 2, 3… one row per change set, written in the same transaction
 * as the products it changed. A product row's `version` says in which set it last changed, so a
 * sync (issue 12) can ask "what changed since N" and a cache can tell it is stale.
 */
export function createCatalogueVersionsRepo(db: Db) {
  const q = {
    latest: db.prepare<[], { version: number; source: string; at: string }>(
      'SELECT version, source, at FROM catalogue_versions ORDER BY version DESC LIMIT 1',
    ),
    insert: db.prepare(
      `INSERT INTO catalogue_versions (version, source, at, actor, added, changed, unchanged)
       VALUES ((SELECT COALESCE(MAX(version), 0) + 1 FROM catalogue_versions), ?, ?, ?, ?, ?, ?)`,
    ),
    counts: db.prepare(
      'UPDATE catalogue_versions SET added = ?, changed = ?, unchanged = ? WHERE version = ?',
    ),
    products: db.prepare<[], { n: number; active: number }>(
      'SELECT COUNT(*) AS n, COALESCE(SUM(active), 0) AS active FROM products',
    ),
  };
  return {
    current: (): number => q.latest.get()?.version ?? 0,
    /** Opens a version inside the caller's transaction; its counts are filled in at the end. */
    open(source: string, actor: string, at: string): number {
      return Number(q.insert.run(source, at, actor, 0, 0, 0).lastInsertRowid);
    },
    close(version: number, c: VersionCounts): void {
      q.counts.run(c.added, c.changed, c.unchanged, version);
    },
    info(): CatalogueInfo {
      const latest = q.latest.get();
      const n = q.products.get() ?? { n: 0, active: 0 };
      return {
        version: latest?.version ?? 0,
        products: n.n,
        active: n.active,
        source: latest?.source ?? null,
        at: latest?.at ?? null,
      };
    },
  };
}
export type CatalogueVersionsRepo = ReturnType<typeof createCatalogueVersionsRepo>;
