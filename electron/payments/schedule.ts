import type { GatewaySchedule } from '../gateway/types';

/**
 * When the k-th query (0-based) of a payment created at `createdMs` is due: the schedule's
 * front-loaded offsets first (or firstQueryMs alone), then every intervalMs after the last one.
 */
export function nextQueryAt(s: GatewaySchedule, createdMs: number, k: number): number {
  const offsets = s.queryAtMs && s.queryAtMs.length > 0 ? s.queryAtMs : [s.firstQueryMs];
  const last = offsets[offsets.length - 1] as number;
  const at =
    k < offsets.length ? (offsets[k] as number) : last + (k - offsets.length + 1) * s.intervalMs;
  return createdMs + at;
}
