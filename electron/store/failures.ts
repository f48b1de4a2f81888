import { TillError } from '../../shared/errors';

/** What can be wrong with the store, each with its own message and remedy. */
export type StoreProblem = 'DAMAGED' | 'FOREIGN' | 'NEWER' | 'READONLY' | 'FULL' | 'BUSY' | 'IO';

const TEXT: Record<StoreProblem, { en: string; zh: string }> = {
  DAMAGED: {
    en: 'The till store is damaged; the till did not open it, so nothing more is lost. Restore the latest backup (npm run store -- restore) or call the technician.',
    zh: '收银数据库已损坏，收银台没有打开它，以免丢失更多数据。请用最近的备份恢复（npm run store -- restore），或联系技术人员。',
  },
  FOREIGN: {
    en: 'This file is not a till store (another program’s database?); the till left it untouched. Check that TILL_DATA_DIR points at the till’s own folder.',
    zh: '这个文件不是收银台的数据库（可能是其他程序的文件），收银台没有改动它。请检查数据文件夹（TILL_DATA_DIR）是否正确。',
  },
  NEWER: {
    en: 'The store was written by a newer till version; install that version (or newer) again.',
    zh: '数据库来自更新版本的收银台，请安装该版本或更新的版本。',
  },
  READONLY: {
    en: 'The data folder is read-only, so the till cannot save sales. Check the disk is not write-protected and the folder belongs to the till’s user.',
    zh: '数据文件夹是只读的，收银台无法保存交易。请检查磁盘是否写保护，以及文件夹是否属于收银台的系统用户。',
  },
  FULL: {
    en: 'The disk is full, so the till cannot save this step; nothing was half-saved. Free some disk space, then try again.',
    zh: '磁盘已满，收银台无法保存这一步，数据没有写一半。请清理磁盘空间后重试。',
  },
  BUSY: {
    en: 'Another program holds the till store; close it (only one till per store), then try again.',
    zh: '收银数据库被其他程序占用，请关闭它（一个数据库只能由一台收银台使用）后重试。',
  },
  IO: {
    en: 'The disk reported an error while saving; check the disk, then try again.',
    zh: '保存数据时磁盘报错，请检查磁盘后重试。',
  },
};

/** A store that cannot be used as it is; start.ts prints it and exits, the shell shows it. */
export class StoreError extends Error {
  readonly messageZh: string;
  constructor(
    readonly problem: StoreProblem,
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${TEXT[problem].en}\n  store: ${file}\n  detail: ${detail}`);
    this.name = 'StoreError';
    this.messageZh = TEXT[problem].zh;
  }
}

const errno = (err: unknown): string =>
  typeof err === 'object' && err !== null && 'code' in err
    ? String((err as { code: unknown }).code)
    : '';

/** SQLite result codes (better-sqlite3's SqliteError.code) and errno codes, to a problem. */
export function problemOf(err: unknown): StoreProblem | null {
  const code = errno(err);
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return 'DAMAGED';
  if (/^SQLITE_FULL/.test(code) || code === 'ENOSPC') return 'FULL';
  if (
    /^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)/.test(code) ||
    ['EROFS', 'EACCES', 'EPERM'].includes(code)
  )
    return 'READONLY';
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return 'BUSY';
  if (/^SQLITE_IOERR/.test(code) || code === 'EIO') return 'IO';
  return null;
}

const TILL_CODE: Record<
  StoreProblem,
  'STORE_DAMAGED' | 'DISK_FULL' | 'STORE_READONLY' | 'STORE_BUSY' | 'STORE_IO'
> = {
  DAMAGED: 'STORE_DAMAGED',
  FOREIGN: 'STORE_DAMAGED',
  NEWER: 'STORE_DAMAGED',
  READONLY: 'STORE_READONLY',
  FULL: 'DISK_FULL',
  BUSY: 'STORE_BUSY',
  IO: 'STORE_IO',
};

/** At run time (a sale, a payment): the cashier gets what happened and what to do, not "internal". */
export function storeTillError(err: unknown): TillError | null {
  const p = problemOf(err);
  return p ? new TillError(TILL_CODE[p], undefined, errno(err)) : null;
}

/** At start-up: any store failure becomes a StoreError naming the file. */
export function asStoreError(err: unknown, file: string): unknown {
  if (err instanceof StoreError) return err;
  const p = problemOf(err);
  return p
    ? new StoreError(p, file, err instanceof Error ? `${errno(err)}: ${err.message}` : String(err))
    : err;
}
