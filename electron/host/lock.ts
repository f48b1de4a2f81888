import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { asStoreError } from '../store/failures';
import { writePrivateFileAtomic } from './keys/privateFile';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  port?: number;
  url?: string;
}

/** A second till on the same data folder: it says who holds it, and does not start. */
export class AlreadyRunning extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    const where = holder
      ? `pid ${holder.pid} on ${holder.host}${holder.port ? `, port ${holder.port}` : ''}, since ${holder.startedAt}`
      : 'another process';
    super(
      `收银台已在运行，同一数据文件夹只能运行一个收银台。 The till is already running on this data folder (${where}): ${dataDir}` +
        (holder?.url ? `\n  open: ${holder.url.replace(/#.*$/, '')}` : ''),
    );
    this.name = 'AlreadyRunning';
  }
}

export interface TillLock {
  /** The kiosk port, once known, so a second start can say where the till is. */
  update(more: Partial<LockHolder>): void;
  release(): void;
}

/**
 * One till per store. The lock is SQLite's own exclusive lock on <dataDir>/till.lock, held for
 * the life of the process: the OS drops it when the process dies however it dies, so a lock
 * left by a killed till is simply taken over. Who holds it is written beside it (till.lock.json).
 */
export function acquireLock(
  dataDir: string,
  opts: { nativeBinding?: string; now?: () => number } = {},
): TillLock {
  const file = join(dataDir, 'till.lock');
  const infoFile = `${file}.json`;
  let db: Database.Database;
  try {
    db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  } catch (err) {
    throw asStoreError(err, file); // e.g. a read-only folder: the lock cannot even be made
  }
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('journal_mode = DELETE');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS held (pid INTEGER); COMMIT');
  } catch (err) {
    db.close();
    if (/^SQLITE_(BUSY|LOCKED)/.test((err as { code?: string }).code ?? ''))
      throw new AlreadyRunning(dataDir, readHolder(infoFile));
    throw asStoreError(err, file);
  }
  let holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date(opts.now?.() ?? Date.now()).toISOString(),
  };
  const write = () => writePrivateFileAtomic(infoFile, `${JSON.stringify(holder)}\n`);
  try {
    write();
  } catch (err) {
    db.close();
    throw asStoreError(err, infoFile);
  }
  let released = false;
  return {
    update(more) {
      holder = { ...holder, ...more };
      write();
    },
    release() {
      if (released) return;
      released = true;
      rmSync(infoFile, { force: true });
      db.close();
    },
  };
}

function readHolder(file: string): LockHolder | null {
  if (!existsSync(file)) return null;
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' ? h : null;
  } catch {
    return null;
  }
}
