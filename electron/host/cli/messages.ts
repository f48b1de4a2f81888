import { join } from 'node:path';
import { listBackups } from '../../store/backup';
import { StoreError } from '../../store/failures';
import { ConfigError } from '../config';
import { KeyFileError } from '../keys/keyStore';
import { AlreadyRunning } from '../lock';

/** Exit codes a service manager (systemd, NSSM) can act on. */
export const EXIT = { failed: 1, alreadyRunning: 2, store: 3 } as const;

/** A start-up failure as the person at the till reads it: what happened, what to do. */
export function explainStartFailure(err: unknown, dataDir: string): { text: string; code: number } {
  if (err instanceof AlreadyRunning) return { text: err.message, code: EXIT.alreadyRunning };
  if (err instanceof StoreError) {
    const newest = listBackups(join(dataDir, 'backups'))[0];
    const offer =
      newest && (err.problem === 'DAMAGED' || err.problem === 'FOREIGN')
        ? `\n最近的备份 latest backup: ${newest.file} (${newest.at})\n  使用它 to use it: npm run store -- restore   (the damaged store is kept aside, not deleted)`
        : err.problem === 'DAMAGED'
          ? '\n没有找到备份 no backup found in ' + join(dataDir, 'backups')
          : '';
    return { text: `${err.messageZh}\n${err.message}${offer}`, code: EXIT.store };
  }
  if (err instanceof ConfigError || err instanceof KeyFileError)
    return { text: `Configuration error: ${err.message}`, code: EXIT.failed };
  return {
    text: String(err instanceof Error ? (err.stack ?? err.message) : err),
    code: EXIT.failed,
  };
}
