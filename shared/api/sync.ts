import { z } from 'zod';
import { none } from './common';

export const SYNC_STATES = ['off', 'connecting', 'synced', 'sending', 'offline', 'error'] as const;

/**
 * The till's link to the store database. `off`: not configured (a till alone); `offline`: the
 * server cannot be reached, selling goes on and the outbox waits; `error`: the server answered
 * but refused (wrong password, schema too old, another till's role) — a technician must act.
 */
export const SyncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  tillNo: z.string(),
  /** host:port/database — never the user's password. */
  server: z.string().nullable(),
  /** Changes written on this till and not yet in the store database. */
  pending: z.number().int(),
  /** Age of the oldest unsent change (ms); null when nothing waits. */
  lagMs: z.number().nullable(),
  lastPushAt: z.string().nullable(),
  lastPullAt: z.string().nullable(),
  /** The shared data (catalogue, prices) version in use; null before the first pull. */
  sharedVersion: z.number().int().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Next attempt after a failure (ISO), for the technician. */
  retryAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const syncContract = {
  'sync.status': { input: none, output: SyncStatusSchema },
} as const;
