import type { GatewaySchedule } from './types';

/**
 * Per-acquirer timing, from /work/shared/reference/payments.md. The sandbox's rate limit
 * (`setFaults({ rateLimit })`) is what tests hold these numbers against; `npm run bench`
 * (payments section) holds the WeChat numbers against WeChat's own loop.
 *
 * Front-loaded (issue 7): most password entries end 10–20 s after the scan, so the queries are
 * dense early, each kept above the acquirer's minimum gap, and the engine stops asking once a
 * customer still typing is unlikely to finish. A pay call that has not answered after 4 s is
 * asked about while it is out (a lost reply is found in seconds, not after the pay timeout);
 * an HTTP 5xx to the pay call is sent again unchanged where the protocol allows it.
 */

/**
 * WeChat v2 micropay. Queries 5, 10.5, 16, 21.5 and 27 s after the scan (first at 5 s: WX-MP
 * "wait 5 s, then query"; a 5.5 s step, above the 3.5 s gap we keep — the official floor is
 * 3 s, WX-QUERYMECH 3–5 s), then reverse: the window is 30 s, as in the loop WeChat staff give
 * ("每 5 秒轮询…累计 30 秒…撤销", WX-SKILLS FAQ); WeChat itself revokes at 45 s. Reverse
 * ≥ 15 s after pay (WX-REV), ≤ 10 attempts (WX-PHPDEMO depth 10), 2 s apart (§6.4). A 5xx pay
 * is re-sent with the same out_trade_no and identical params (§3: "re-entry of the same order,
 * the parameters must equal the original"), twice, 1 s apart.
 * Measured in `npm run bench` against the WeChat doc loop: detection lag p95 and queries per
 * payment below it (see the README for the numbers of the last run).
 */
export const WECHAT_SCHEDULE: GatewaySchedule = Object.freeze({
  firstQueryMs: 5_000,
  queryAtMs: Object.freeze([5_000, 10_500, 16_000, 21_500, 27_000]),
  intervalMs: 5_500,
  windowMs: 30_000,
  reverseAttempts: 10,
  reverseIntervalMs: 2_000,
  minQueryGapMs: 3_500,
  reverseNotBeforeMs: 15_000,
  payRetries: 2,
  payRetryDelayMs: 1_000,
  queryWhilePayMs: 4_000,
});

/**
 * Alipay F2F. Interval 3–6 s and window ~60 s (ALI-POLL); first query at 4 s, then every 4 s
 * for the first 20 s (front-loaded, above the 3 s gap we keep), then every 6 s until 60 s;
 * cancel once plus ≤ 3 retries 2 s apart (F2F demo max_cancel_retry=3, cancel_duration=2000),
 * right after the last query (ALI-POLL). A 5xx pay is retried with the same params (ANTOM: "On
 * SYSTEM_ERROR/timeout for pay: retry pay with the same params or query").
 */
export const ALIPAY_SCHEDULE: GatewaySchedule = Object.freeze({
  firstQueryMs: 4_000,
  queryAtMs: Object.freeze([4_000, 8_000, 12_000, 16_000, 20_000]),
  intervalMs: 6_000,
  windowMs: 60_000,
  reverseAttempts: 4,
  reverseIntervalMs: 2_000,
  minQueryGapMs: 3_000,
  reverseNotBeforeMs: 0,
  payRetries: 2,
  payRetryDelayMs: 1_000,
  queryWhilePayMs: 4_000,
});

/**
 * upay (Shouqianba): poll at once, every 3–5 s, 40–50 s in all, then cancel (SQB, §4): every
 * 3 s for the first 21 s, then every 5 s until 45 s. No pay retry: a client_sn is never sent
 * twice (CLIENT_SN_CONFLICT, §4 "a failed order needs a new client_sn").
 */
export const UPAY_SCHEDULE: GatewaySchedule = Object.freeze({
  firstQueryMs: 3_000,
  queryAtMs: Object.freeze([3_000, 6_000, 9_000, 12_000, 15_000, 18_000, 21_000]),
  intervalMs: 5_000,
  windowMs: 45_000,
  reverseAttempts: 5,
  reverseIntervalMs: 2_000,
  minQueryGapMs: 3_000,
  reverseNotBeforeMs: 0,
  payRetries: 0,
  queryWhilePayMs: 4_000,
});
