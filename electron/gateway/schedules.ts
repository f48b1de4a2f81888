import type { GatewaySchedule } from './types';

/**
 * Per-acquirer timing, from /work/shared/reference/payments.md. The sandbox's rate limit
 * (`setFaults({ rateLimit })`) is what tests hold these numbers against.
 */

/**
 * WeChat v2 micropay. First query and interval 5 s (§1.9: community staff "every 5 s";
 * WX-1SIDED 3–5 s); window 45 s (WX-MP 2025 text; WeChat auto-revokes unpaid micropay at
 * 45 s, WX-QUERYMECH); reverse ≥ 15 s after pay (WX-REV), ≤ 10 attempts (WX-PHPDEMO depth 10),
 * ~2 s apart (§6.4). Minimum gap 3.5 s: above the official 3 s floor with room for jitter.
 * First query at 5 s, then every 10 s (WX-MP-OLD "每隔10秒"): waiting the full 45 s window keeps
 * the customers who type slowly, and the 10 s step keeps the queries per payment under the
 * WeChat doc loop's 5 s-until-30 s (measured in `npm run bench`, payments section).
 */
export const WECHAT_SCHEDULE: GatewaySchedule = Object.freeze({
  firstQueryMs: 5_000,
  intervalMs: 10_000,
  windowMs: 45_000,
  reverseAttempts: 10,
  reverseIntervalMs: 2_000,
  minQueryGapMs: 3_500,
  reverseNotBeforeMs: 15_000,
});

/**
 * Alipay F2F. Interval 3–6 s and window ~60 s (ALI-POLL); first query 5 s (ANTOM "~5 s after
 * creation", F2F demo query_duration 5000); cancel once plus ≤ 3 retries 2 s apart
 * (F2F demo max_cancel_retry=3, cancel_duration=2000), right after the last query (ALI-POLL).
 */
export const ALIPAY_SCHEDULE: GatewaySchedule = Object.freeze({
  firstQueryMs: 5_000,
  intervalMs: 5_000,
  windowMs: 60_000,
  reverseAttempts: 4,
  reverseIntervalMs: 2_000,
  minQueryGapMs: 3_000,
  reverseNotBeforeMs: 0,
});

/**
 * upay (Shouqianba): poll at once, every 3–5 s, 40–50 s in all, then cancel (SQB, §4).
 * (The engine's former built-in UPAY_SCHEDULE had the same numbers.)
 */
export const UPAY_SCHEDULE: GatewaySchedule = Object.freeze({
  firstQueryMs: 3_000,
  intervalMs: 3_000,
  windowMs: 45_000,
  reverseAttempts: 5,
  reverseIntervalMs: 2_000,
  minQueryGapMs: 3_000,
  reverseNotBeforeMs: 0,
});
