import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupStore, listBackups, restoreBackup } from '../../store/backup';
import { checkPages, identify } from '../../store/integrity';
import { secureDataDir } from '../dataDir';
import { acquireLock } from '../lock';
import { cliArgs } from './args';

const USAGE = `npm run store -- <command> [--data-dir DIR]
  check            full integrity check of till.db (read-only)
  backups          the rolling backups, newest first
  backup           take a backup now (SQLite online backup; the till may keep running)
  restore [FILE]   put a backup (default: the newest) in place of till.db; the till must be stopped.
                   The old till.db is moved to damaged-<time>/, never deleted.`;

/** The technician's store CLI: what the technician screen offers, for a till that will not start. */
export async function storeCli(argv: string[]): Promise<number> {
  const { dataDir, words } = cliArgs(argv);
  const file = join(dataDir, 'till.db');
  const dir = join(dataDir, 'backups');
  const [cmd, arg] = words;
  if (cmd === 'backups') {
    for (const b of listBackups(dir)) console.log(`${b.at}  ${b.bytes} bytes  ${b.file}`);
    return 0;
  }
  if (cmd === 'check' || cmd === 'backup') {
    if (!existsSync(file)) return fail(`no store at ${file}`);
    const db = new Database(file, { readonly: cmd === 'check', fileMustExist: true });
    try {
      if (cmd === 'backup') {
        secureDataDir(dataDir);
        console.log(`backup: ${(await backupStore(db, dir, Date.now())).file}`);
        return 0;
      }
      const problems = checkPages(db, true);
      console.log(`${file}: ${identify(db)} store, ${problems.length === 0 ? 'ok' : 'DAMAGED'}`);
      for (const p of problems) console.log(`  ${p}`);
      return problems.length === 0 ? 0 : 3;
    } catch (err) {
      return fail(`${file}: ${(err as Error).message}`);
    } finally {
      db.close();
    }
  }
  if (cmd === 'restore') {
    const from = arg ? resolve(arg) : listBackups(dir)[0]?.file;
    if (!from || !existsSync(from)) return fail(`no backup to restore in ${dir}`);
    secureDataDir(dataDir);
    const lock = acquireLock(dataDir); // throws AlreadyRunning while a till has the store open
    try {
      const aside = restoreBackup(dataDir, from, Date.now());
      console.log(`restored ${from} → ${file}\nthe previous store is kept in ${aside}`);
      return 0;
    } finally {
      lock.release();
    }
  }
  console.error(USAGE);
  return 1;
}

function fail(text: string): number {
  console.error(text);
  return 1;
}
