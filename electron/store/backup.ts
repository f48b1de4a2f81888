import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db';

export interface BackupFile {
  file: string;
  /** ISO time the backup was taken (from its name). */
  at: string;
  bytes: number;
}

const NAME = /^till-(\d{8}T\d{6}Z)\.db$/;
const stampOf = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
const isoOf = (stamp: string) =>
  `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;

/** Newest first. */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .map(({ name, m }) => ({
      file: join(dir, name),
      at: isoOf(m[1] ?? ''),
      bytes: statSync(join(dir, name)).size,
    }))
    .sort((a, b) => b.at.localeCompare(a.at));
}

/**
 * SQLite's online backup: a consistent copy taken page by page while the till keeps selling.
 * Written under a temporary name and renamed, so a half-made backup is never offered. Keeps
 * the newest `keep`.
 */
export async function backupStore(db: Db, dir: string, now: number, keep = 7): Promise<BackupFile> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `till-${stampOf(now)}.db`);
  const tmp = `${file}.tmp`;
  // One till per store (lock.ts): a .tmp here is a backup a killed till never finished.
  for (const name of readdirSync(dir))
    if (name.endsWith('.db.tmp')) rmSync(join(dir, name), { force: true });
  try {
    await db.backup(tmp);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  renameSync(tmp, file);
  for (const old of listBackups(dir).slice(keep)) rmSync(old.file, { force: true });
  return (
    listBackups(dir).find((b) => b.file === file) ?? { file, at: isoOf(stampOf(now)), bytes: 0 }
  );
}

/**
 * Puts a backup in place of the store: the current till.db (and its WAL) is moved aside to
 * damaged-<time>/, never deleted, so a technician can still look at it.
 */
export function restoreBackup(dataDir: string, backup: string, now: number): string {
  const store = join(dataDir, 'till.db');
  const aside = join(dataDir, `damaged-${stampOf(now)}`);
  mkdirSync(aside, { recursive: true, mode: 0o700 });
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(store + suffix)) renameSync(store + suffix, join(aside, `till.db${suffix}`));
  }
  copyFileSync(backup, store);
  return aside;
}

/** A backup is due when there is none, or the newest is older than `everyMs`. */
export function backupDue(dir: string, now: number, everyMs: number): boolean {
  const newest = listBackups(dir)[0];
  return !newest || now - Date.parse(newest.at) >= everyMs;
}
