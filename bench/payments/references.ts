import { WX_PAY_DEFINITE_FAIL } from '../../electron/gateway/wechat/mapping';
import type { WxReply } from '../../electron/gateway/wechat/wire';
import type { Delivery } from './faults';
import type { SimClock } from './sim';

/**
 * The acquirers' reference loops, written from payments.md §1.9, §2.6 and §3 and, where the doc
 * names a source file, from that file (WX-PHPDEMO example/WxPay.MicroPay.php; ALI-F2F-DEMO
 * AlipayTradeServiceImpl.tradePay + AbsAlipayTradeService). They talk raw WeChat v2 replies to
 * the same acquirer model as our engine; a `Delivery` that is not ok is "no usable response"
 * (timeout, reset, HTTP 5xx).
 */

export type Ending = 'PAID' | 'FAILED' | 'REVERSED' | 'NEEDS_MANUAL';

export interface LoopCtx {
  clock: SimClock;
  micropay(timeoutMs?: number): Promise<Delivery<WxReply>>;
  query(): Promise<Delivery<WxReply>>;
  reverse(): Promise<Delivery<WxReply>>;
}

export interface LoopResult {
  ending: Ending;
  /** Why, in the loop's own words (for the bench's breakdown). */
  note: string;
  /** Work the loop leaves running after it has answered (the Alipay demo's async cancel). */
  background?: Promise<void>;
}

const ok = (d: Delivery<WxReply>): WxReply | null => (d.ok ? d.reply : null);

/* ------------------------------------------------------------------------------------------ */

/**
 * WeChat doc loop (§1.9 community staff / WX-SKILLS: "每 5 秒轮询…累计 30 秒…撤销"):
 * micropay; a definite FAIL (§1.6 FAIL rows) ends it; otherwise query 5 s after the pay answer
 * and every 5 s until 30 s have passed, then reverse, calling it again while recall=Y or when
 * it "returns nothing or an error" (WX-MP), at most 10 calls (WX-PHPDEMO depth).
 * A query that errs (ORDERNOTEXIST, SYSTEMERROR, no response) just waits for the next one.
 * Reverse FAIL ORDERNOTEXIST (recall=N) ends it as FAILED: nothing was ever charged.
 */
export async function wechatDocLoop(c: LoopCtx): Promise<LoopResult> {
  const t0 = c.clock.now();
  const pay = ok(await c.micropay());
  if (pay?.result_code === 'SUCCESS') return { ending: 'PAID', note: 'pay SUCCESS' };
  if (pay?.result_code === 'FAIL' && WX_PAY_DEFINITE_FAIL.has(pay.err_code ?? ''))
    return { ending: 'FAILED', note: `pay ${pay.err_code}` };
  do {
    await c.clock.sleep(5_000);
    const q = ok(await c.query());
    if (q?.result_code === 'SUCCESS') {
      if (q.trade_state === 'SUCCESS') return { ending: 'PAID', note: 'query SUCCESS' };
      if (['CLOSED', 'REVOKED', 'PAYERROR'].includes(q.trade_state ?? ''))
        return { ending: 'FAILED', note: `query ${q.trade_state}` };
    }
  } while (c.clock.now() - t0 < 30_000);
  for (let call = 1; call <= 10; call++) {
    const r = ok(await c.reverse());
    if (r?.result_code === 'SUCCESS' && r.recall !== 'Y')
      return { ending: 'REVERSED', note: 'reverse SUCCESS' };
    if (r?.result_code === 'FAIL' && r.err_code === 'ORDERNOTEXIST')
      return { ending: 'FAILED', note: 'reverse ORDERNOTEXIST' };
  }
  return { ending: 'NEEDS_MANUAL', note: 'reverse never succeeded' };
}

/* ------------------------------------------------------------------------------------------ */

/** Alipay OpenAPI response shapes as the F2F demo reads them (§2.3). */
interface AliResponse {
  code: '10000' | '10003' | '20000' | '40004';
  tradeStatus?: 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_CLOSED';
  subCode?: string;
  retryFlag?: 'Y' | 'N';
}

/**
 * Our acquirer speaks WeChat; the demo reads Alipay. The translation keeps each answer's class
 * (§2.3 vs §1.5/§1.6): SUCCESS→10000, USERPAYING→10003, SYSTEMERROR/BANKERROR/FREQUENCY_LIMITED
 * →20000, other FAIL→40004; trade_state SUCCESS→TRADE_SUCCESS, USERPAYING/NOTPAY→WAIT_BUYER_PAY,
 * CLOSED/REVOKED/PAYERROR/REFUND→TRADE_CLOSED; ORDERNOTEXIST→40004 ACQ.TRADE_NOT_EXIST;
 * reverse SUCCESS recall=N→10000, a reverse refused as USERPAYING (recall=Y)→40004 retry_flag=Y
 * (a business refusal that asks to retry). No usable response→null (the demo's getResponse
 * returns null when the SDK throws).
 */
function aliPay(d: Delivery<WxReply>): AliResponse | null {
  const r = ok(d);
  if (!r) return null;
  if (r.result_code === 'SUCCESS') return { code: '10000' };
  if (r.err_code === 'USERPAYING') return { code: '10003' };
  if (['SYSTEMERROR', 'BANKERROR'].includes(r.err_code ?? '')) return { code: '20000' };
  return { code: '40004', subCode: r.err_code ?? '' };
}
function aliQuery(d: Delivery<WxReply>): AliResponse | null {
  const r = ok(d);
  if (!r) return null;
  if (r.result_code !== 'SUCCESS')
    return r.err_code === 'ORDERNOTEXIST'
      ? { code: '40004', subCode: 'ACQ.TRADE_NOT_EXIST' }
      : { code: '20000' };
  const s = r.trade_state ?? '';
  return {
    code: '10000',
    tradeStatus:
      s === 'SUCCESS'
        ? 'TRADE_SUCCESS'
        : s === 'USERPAYING' || s === 'NOTPAY'
          ? 'WAIT_BUYER_PAY'
          : 'TRADE_CLOSED',
  };
}
function aliCancel(d: Delivery<WxReply>): AliResponse | null {
  const r = ok(d);
  if (!r) return null;
  if (r.result_code === 'SUCCESS')
    return r.recall === 'Y' ? { code: '20000', retryFlag: 'Y' } : { code: '10000', retryFlag: 'N' };
  return { code: '40004', subCode: r.err_code ?? '', retryFlag: r.recall === 'Y' ? 'Y' : 'N' };
}

/**
 * Alipay F2F demo `tradePay` (§3, ALI-F2F-DEMO), line by line:
 * 10000 → SUCCESS. 10003 → loopQueryResult: up to max_query_retry=5 times, sleep
 * query_duration=5000 ms *then* query; stop on TRADE_SUCCESS/FINISHED/CLOSED; then
 * checkQueryAndCancel. 20000 or null → ONE query at once, then checkQueryAndCancel. Anything
 * else → FAILED without a query. checkQueryAndCancel: paid → SUCCESS; else cancel once; if that
 * failed and (null or retry_flag=Y) → async cancel, 3 more tries 2000 ms apart (the caller does
 * not wait for them); the answer is UNKNOWN if the first cancel errored (null or 20000), else
 * FAILED ("产生的单边帐由人工处理"). We report a FAILED after a 10000 cancel as REVERSED and after a
 * refused cancel as FAILED; UNKNOWN as NEEDS_MANUAL.
 */
export async function alipayF2FDemo(c: LoopCtx): Promise<LoopResult> {
  const querySuccess = (q: AliResponse | null) =>
    q?.code === '10000' && q.tradeStatus === 'TRADE_SUCCESS';
  const tradeError = (r: AliResponse | null) => r === null || r.code === '20000';
  const needRetry = (r: AliResponse | null) => r === null || r.retryFlag === 'Y';
  const cancelSuccess = (r: AliResponse | null) => r?.code === '10000';

  async function checkQueryAndCancel(q: AliResponse | null): Promise<LoopResult> {
    if (querySuccess(q)) return { ending: 'PAID', note: 'query TRADE_SUCCESS' };
    const first = aliCancel(await c.reverse());
    let background: Promise<void> | undefined;
    if (!cancelSuccess(first) && needRetry(first)) {
      background = (async () => {
        for (let i = 0; i < 3; i++) {
          await c.clock.sleep(2_000);
          const r = aliCancel(await c.reverse());
          if (cancelSuccess(r) || !needRetry(r)) return;
        }
      })();
    }
    const base = background ? { background } : {};
    if (tradeError(first)) return { ending: 'NEEDS_MANUAL', note: 'first cancel errored', ...base };
    return cancelSuccess(first)
      ? { ending: 'REVERSED', note: 'cancel 10000', ...base }
      : { ending: 'FAILED', note: `cancel refused ${first?.subCode ?? ''}`, ...base };
  }

  const pay = aliPay(await c.micropay());
  if (pay?.code === '10000') return { ending: 'PAID', note: 'pay 10000' };
  if (pay?.code === '10003') {
    let last: AliResponse | null = null;
    for (let i = 0; i < 5; i++) {
      await c.clock.sleep(5_000);
      const q = aliQuery(await c.query());
      if (q) {
        last = q;
        if (q.code === '10000' && q.tradeStatus !== 'WAIT_BUYER_PAY') break;
      }
    }
    return checkQueryAndCancel(last);
  }
  if (tradeError(pay)) return checkQueryAndCancel(aliQuery(await c.query()));
  return { ending: 'FAILED', note: `pay ${pay?.code} ${pay?.subCode ?? ''}` };
}

/* ------------------------------------------------------------------------------------------ */

/**
 * WeChat official v2 PHP sample (WX-PHPDEMO example/WxPay.MicroPay.php), as written:
 * - micropay with a 5 s timeout. Any transport trouble in micropay, orderQuery or reverse makes
 *   WxPayApi throw (postXmlCurl / WxPayResults::Init) and nothing in MicroPay::pay catches it:
 *   the cashier gets an exception with the order in an unknown state → NEEDS_MANUAL.
 * - FAIL with err_code ∉ {USERPAYING, SYSTEMERROR} → return false (FAILED).
 * - query(): SUCCESS → 1; trade_state USERPAYING → 2; err_code ORDERNOTEXIST → 0; anything else,
 *   including trade_state REVOKED/CLOSED/PAYERROR/NOTPAY (no err_code), → 2 ("keep waiting").
 * - `while ($queryTimes > 0)`: 2 → sleep(2) and `continue`; 1 → paid; 0 → break to cancel.
 * - cancel($depth): depth > 10 → false; return_code ≠ SUCCESS → false; then the success test.
 *
 * Documented bugs (payments.md §1.9), controlled by `fixed`:
 * 1. `continue` skips `$queryTimes--`. REPRODUCED in the as-written variant: a state that keeps
 *    answering 2 (USERPAYING until the 45 s auto-revoke, then REVOKED for ever) loops until a
 *    transport error throws. A loop that outlives `hangCapMs` (120 s) is counted as
 *    NEEDS_MANUAL ("hung"); in practice the 10% faults throw long before. The variant with
 *    `fixed` decrements on every pass (10 queries, then reverse).
 * 2. The reverse success test is inverted (`result_code != SUCCESS && recall == N` → true).
 *    REPRODUCED as written: a real reverse success (SUCCESS, recall=N) returns false, so pay()
 *    throws "撤销单失败！" → NEEDS_MANUAL; an error answer with recall=N (ORDERNOTEXIST) counts
 *    as reversed. `fixed` tests `result_code == SUCCESS && recall == N`.
 * Both are reproduced because the brief is to benchmark the loop people copy; the fixed variant
 * shows what the sample's numbers (10 × 2 s, depth 10) are worth on their own.
 */
export function phpSample(opts: { fixed: boolean; hangCapMs?: number }) {
  const hangCapMs = opts.hangCapMs ?? 120_000;
  return async function phpLoop(c: LoopCtx): Promise<LoopResult> {
    const thrown = (why: string): LoopResult => ({
      ending: 'NEEDS_MANUAL',
      note: `throws: ${why}`,
    });
    const t0 = c.clock.now();
    const pay = ok(await c.micropay(5_000));
    if (!pay) return thrown('micropay 接口调用失败');
    if (
      pay.return_code === 'SUCCESS' &&
      pay.result_code === 'FAIL' &&
      pay.err_code !== 'USERPAYING' &&
      pay.err_code !== 'SYSTEMERROR'
    )
      return { ending: 'FAILED', note: `pay ${pay.err_code}` };
    // The sample never looks at result_code SUCCESS from micropay: it goes on to query.

    let queryTimes = 10;
    while (queryTimes > 0) {
      if (c.clock.now() - t0 > hangCapMs) return { ending: 'NEEDS_MANUAL', note: 'hung (bug 1)' };
      const q = ok(await c.query());
      if (!q) return thrown('orderQuery');
      let succ: 0 | 1 | 2;
      if (q.return_code === 'SUCCESS' && q.result_code === 'SUCCESS' && q.trade_state === 'SUCCESS')
        succ = 1;
      else if (
        q.return_code === 'SUCCESS' &&
        q.result_code === 'SUCCESS' &&
        q.trade_state === 'USERPAYING'
      )
        succ = 2;
      else succ = q.err_code === 'ORDERNOTEXIST' ? 0 : 2;
      if (succ === 2) {
        await c.clock.sleep(2_000);
        if (opts.fixed) queryTimes--;
        continue;
      } else if (succ === 1) {
        return { ending: 'PAID', note: 'query SUCCESS' };
      } else {
        break;
      }
    }

    async function cancel(depth: number): Promise<boolean | 'threw'> {
      if (depth > 10) return false;
      const r = ok(await c.reverse());
      if (!r) return 'threw';
      if (r.return_code !== 'SUCCESS') return false;
      const success = opts.fixed
        ? r.result_code === 'SUCCESS' && r.recall === 'N'
        : r.result_code !== 'SUCCESS' && r.recall === 'N';
      if (success) return true;
      if (r.recall === 'Y') return cancel(depth + 1);
      return false;
    }
    const cancelled = await cancel(0);
    if (cancelled === 'threw') return thrown('reverse');
    if (!cancelled) return thrown('撤销单失败！');
    return { ending: 'REVERSED', note: 'cancel true' };
  };
}
