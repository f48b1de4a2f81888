import Database from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';
import { asStoreError, StoreError } from './failures';
import { APPLICATION_ID, assertTillStore } from './integrity';
import { latestVersion, migrate, schemaVersion } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of the compiled addon for the current runtime (see native.ts); default: npm's build. */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * Opens the till's store. It is checked first (a foreign or damaged file is refused untouched);
 * WAL keeps readers off the writer's back; synchronous=FULL because a paid order must survive a
 * power cut the instant after it was written. Failures are StoreErrors that say what to do.
 */
export function openStore(file: string, opts: OpenOptions = {}): Db {
  let db: Db | undefined;
  try {
    db = new Database(file, {
      readonly: opts.readonly ?? false,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
    if (opts.readonly) return db;
    db.pragma('busy_timeout = 5000');
    const kind = assertTillStore(db, file);
    if (schemaVersion(db) > latestVersion())
      throw new StoreError(
        'NEWER',
        file,
        `schema v${schemaVersion(db)}, this till v${latestVersion()}`,
      );
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    if (kind !== 'till') db.pragma(`application_id = ${APPLICATION_ID}`);
    return db;
  } catch (err) {
    db?.close();
    const e = asStoreError(err, file);
    // "not a database": a SQLite file with a broken header is damaged; anything else is foreign.
    if (
      e instanceof StoreError &&
      e.problem === 'DAMAGED' &&
      /NOTADB/.test(e.detail) &&
      !sqliteHeader(file)
    )
      throw new StoreError('FOREIGN', file, 'not a SQLite database at all');
    throw e;
  }
}

function sqliteHeader(file: string): boolean {
  try {
    const fd = openSync(file, 'r');
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    closeSync(fd);
    return head.toString('latin1') === 'SQLite format 3\0';
  } catch {
    return false;
  }
}
