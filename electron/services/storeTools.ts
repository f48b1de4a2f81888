import { statSync } from 'node:fs';
import type { BackupFile, StoreCheck } from '../../shared/api/store';
import type { Repos } from '../store';
import { backupStore, listBackups } from '../store/backup';
import { checkPages } from '../store/integrity';
import { iso, type Clock } from './clock';

export interface StoreToolsDeps {
  repos: Pick<Repos, 'db' | 'audit'>;
  file: string;
  backupsDir: string;
  clock: Clock;
}

/** The technician's store tools: the full integrity check (slow on a big store) and a backup. */
export function createStoreTools(d: StoreToolsDeps) {
  return {
    check(): StoreCheck {
      const t0 = performance.now();
      const problems = checkPages(d.repos.db, true);
      return {
        ok: problems.length === 0,
        problems,
        checkedAt: iso(d.clock.now()),
        ms: Math.round(performance.now() - t0),
        file: d.file,
        bytes: statSync(d.file).size,
        backups: listBackups(d.backupsDir),
      };
    },
    async backup(actor: string): Promise<BackupFile> {
      const b = await backupStore(d.repos.db, d.backupsDir, d.clock.now());
      d.repos.audit.record(iso(d.clock.now()), actor, 'store.backup', b.file, { bytes: b.bytes });
      return b;
    },
  };
}
export type StoreTools = ReturnType<typeof createStoreTools>;
