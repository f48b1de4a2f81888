import { join } from 'node:path';
import type { Clock } from '../services/clock';
import type { Db } from '../store';
import { backupDue, backupStore } from '../store/backup';

const EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * A rolling backup of the store (SQLite online backup, seven kept in <dataDir>/backups/): one
 * at start when the newest is older than six hours, then every six hours. It runs beside the
 * sale in progress and never delays it; a failed backup is logged and tried again next time.
 */
export function scheduleBackups(
  db: Db,
  dataDir: string,
  clock: Clock,
  onError: (e: unknown) => void,
) {
  const dir = join(dataDir, 'backups');
  let running: Promise<unknown> = Promise.resolve();
  const take = () => {
    running = backupStore(db, dir, clock.now()).catch(onError);
  };
  if (backupDue(dir, clock.now(), EVERY_MS)) take();
  const timer = setInterval(take, EVERY_MS);
  timer.unref();
  return {
    dir,
    /** Waits for a backup under way, so the store is closed after it. */
    async stop(): Promise<void> {
      clearInterval(timer);
      await running;
    },
  };
}
