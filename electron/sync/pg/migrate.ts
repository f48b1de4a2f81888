import type { ClientBase } from 'pg';
import { PG_MIGRATIONS, type PgMigration } from './migrations';

export const latestPgVersion = (list: readonly PgMigration[] = PG_MIGRATIONS): number =>
  list.reduce((max, m) => Math.max(max, m.version), 0);

/** The store database's schema version; 0 for an empty database. */
export async function pgSchemaVersion(db: ClientBase): Promise<number> {
  const exists = await db.query<{ t: string | null }>(
    "SELECT to_regclass('public.store_db_migrations')::text AS t",
  );
  if (!exists.rows[0]?.t) return 0;
  const r = await db.query<{ v: number | null }>(
    'SELECT max(version) AS v FROM store_db_migrations',
  );
  return r.rows[0]?.v ?? 0;
}

/**
 * Applies the store database's migrations above its version up to `target`, each in its own
 * transaction. Only `npm run store-db -- migrate` calls this (as the database owner); a till
 * never changes the schema, it refuses to sync with one older than it needs.
 */
export async function migratePg(
  db: ClientBase,
  target = latestPgVersion(),
  list: readonly PgMigration[] = PG_MIGRATIONS,
): Promise<{ from: number; to: number; applied: string[] }> {
  // Two technicians running migrate at once: the second waits, then finds nothing to do.
  await db.query("SELECT pg_advisory_lock(hashtext('till.store_db_migrate'))");
  try {
    await db.query(`CREATE TABLE IF NOT EXISTS store_db_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const from = await pgSchemaVersion(db);
    if (from > latestPgVersion(list))
      throw new Error(
        `store database is at v${from}, newer than this program (v${latestPgVersion(list)})`,
      );
    const applied: string[] = [];
    for (const m of list) {
      if (m.version <= from || m.version > target) continue;
      await db.query('BEGIN');
      try {
        await db.query(m.up);
        await db.query('INSERT INTO store_db_migrations (version, name) VALUES ($1, $2)', [
          m.version,
          m.name,
        ]);
        await db.query('COMMIT');
      } catch (err) {
        await db.query('ROLLBACK');
        throw new Error(
          `store database migration ${m.version} (${m.name}) failed: ${(err as Error).message}`,
          { cause: err },
        );
      }
      applied.push(`${m.version} ${m.name}`);
    }
    return { from, to: await pgSchemaVersion(db), applied };
  } finally {
    await db.query("SELECT pg_advisory_unlock(hashtext('till.store_db_migrate'))");
  }
}
