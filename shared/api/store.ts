import { z } from 'zod';
import { none } from './common';

export const BackupFileSchema = z.object({ file: z.string(), at: z.string(), bytes: z.number() });
export type BackupFile = z.infer<typeof BackupFileSchema>;

export const StoreCheckSchema = z.object({
  ok: z.boolean(),
  /** SQLite's integrity_check lines when something is wrong (at most 20). */
  problems: z.array(z.string()),
  checkedAt: z.string(),
  ms: z.number(),
  file: z.string(),
  bytes: z.number(),
  backups: z.array(BackupFileSchema),
});
export type StoreCheck = z.infer<typeof StoreCheckSchema>;

/** The technician's store tools: the full integrity check and a backup on demand. */
export const storeContract = {
  'store.check': { input: none, output: StoreCheckSchema },
  'store.backup': { input: none, output: BackupFileSchema },
} as const;
