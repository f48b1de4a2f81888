import Database from 'better-sqlite3';
import { migrate } from './migrate';

export type Db = Database.Database;

/**
 * 64 MiB of page cache (negative = KiB): a year of orders is a few hundred MB, and a
 * supervisor's search touches a few hundred rows scattered across it (bench/search.ts).
 */
export const PAGE_CACHE = -65_536;

export interface OpenOptions {
  /** Path of the compiled addon for the current runtime (see native.ts); default: npm's build. */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * Opens the till's store. WAL keeps readers off the writer's back; synchronous=FULL because a
 * paid order must survive a power cut the instant after it was written.
 */
export function openStore(file: string, opts: OpenOptions = {}): Db {
  const db = new Database(file, {
    readonly: opts.readonly ?? false,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma(`cache_size = ${PAGE_CACHE}`);
    migrate(db);
  }
  return db;
}
