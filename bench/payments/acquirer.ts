import { WECHAT_SCHEDULE } from '../../electron/gateway/schedules';
import type {
  GatewayAnswer,
  GatewaySchedule,
  OrderRef,
  PaymentGateway,
} from '../../electron/gateway/types';
import { mapMicropay, mapOrderQuery, mapReverse } from '../../electron/gateway/wechat/mapping';
import type { WxReply } from '../../electron/gateway/wechat/wire';
import { chinaStamp } from '../../electron/services/ids';
import { between, rng, streamSeed, type SimClock } from './sim';

/**
 * An in-memory WeChat-v2-like acquirer on the simulated clock (payments.md §1.5–§1.9):
 * orders by merchant order no., seeded customers, a per-order query rate limit, and the
 * truth of every order (charged or not, and when that became final).
 *
 * Semantics chosen (and why):
 * - micropay answers at once: SUCCESS (customer pays without a password), FAIL NOTENOUGH
 *   (trade_state PAYERROR), or FAIL USERPAYING (password dialog open; trade_state USERPAYING).
 * - Auto-revoke: an order still USERPAYING 45 s after it was created becomes REVOKED
 *   (WX-QUERYMECH: "auto-revokes a Quick Pay order unpaid 45 s after creation").
 * - The race (WX-REV community answer "正在支付中不能发起撤销"): a reverse that arrives while the
 *   customer's payment completes within the next 1 s is refused with FAIL USERPAYING, recall=Y;
 *   the payment then completes. We model that commit window only: a reverse arriving while the
 *   customer is earlier in the dialog (or has walked off) closes the order (REVOKED) and the
 *   customer's later password fails. (Community reports say WeChat refuses reverse during the
 *   whole dialog; modelling that would make every early reverse of an abandoned order fail
 *   until the 45 s auto-revoke. Not modelled.)
 * - A reverse of a paid order refunds it (WX-REV: "if it was paid, the money goes back") and the
 *   order reads REVOKED; a reverse of a closed/failed order answers SUCCESS again (idempotent);
 *   of an unknown order, FAIL ORDERNOTEXIST, recall=N.
 * - Rate limit: a query for an order that arrives less than `minQueryGapMs` after the last
 *   query the acquirer *served* for it is refused (FAIL FREQUENCY_LIMITED, an UNKNOWN to every
 *   client) and counted as a violation. Refused queries do not restart the window.
 *   The gap is measured where the acquirer sees it: at arrival, after the uplink delay.
 */

export type Behaviour = 'instant' | 'password' | 'abandon' | 'insufficient' | 'race' | 'late';

export const MIX: readonly [Behaviour, number][] = [
  ['instant', 0.7],
  ['password', 0.15],
  ['abandon', 0.04],
  ['insufficient', 0.05],
  ['race', 0.03],
  ['late', 0.03],
];

export interface Customer {
  index: number;
  behaviour: Behaviour;
  amountFen: number;
  /** password: 5–40 s to type; late: pays 40–50 s after the order was created. */
  payAfterMs?: number;
  /** race: completes this long (0–1 s) after the first reverse reaches the acquirer. */
  raceLagMs?: number;
}

export function makeCustomers(seed: number, count: number): Customer[] {
  const out: Customer[] = [];
  for (let index = 0; index < count; index++) {
    const r = rng(streamSeed(seed, index, 1));
    const u = r();
    let acc = 0;
    let behaviour: Behaviour = 'instant';
    for (const [b, p] of MIX) {
      acc += p;
      if (u < acc) {
        behaviour = b;
        break;
      }
    }
    const amountFen = between(r, 150, 30_000);
    const typeMs = between(r, 5_000, 40_000);
    const lateMs = between(r, 40_000, 50_000);
    const raceLagMs = between(r, 1, 999);
    out.push({
      index,
      behaviour,
      amountFen,
      ...(behaviour === 'password' && { payAfterMs: typeMs }),
      ...(behaviour === 'late' && { payAfterMs: lateMs }),
      ...(behaviour === 'race' && { raceLagMs }),
    });
  }
  return out;
}

/** WeChat codes are 18 digits starting 10–15; we carry the customer's index in it. */
export const authCodeFor = (index: number): string => `13${String(index).padStart(16, '0')}`;
export const indexOfAuthCode = (code: string): number => Number(code.slice(2));

type TradeState = 'USERPAYING' | 'SUCCESS' | 'REVOKED' | 'PAYERROR';

interface Order {
  outTradeNo: string;
  customer: Customer;
  amountFen: number;
  createdAt: number;
  state: TradeState;
  completeAt?: number;
  paidAt?: number;
  closedAt?: number;
  refundedAt?: number;
  lastServedQueryAt?: number;
}

export interface Truth {
  /** The order exists at the acquirer (the pay request arrived). */
  created: boolean;
  /** Charged and not refunded. */
  charged: boolean;
  /** When the truth became final: paid, refunded, revoked/closed, failed; undefined if never created. */
  finalAt?: number;
  how: 'paid' | 'refunded' | 'revoked' | 'auto-revoked' | 'payerror' | 'never-arrived';
}

export const AUTO_REVOKE_MS = 45_000;
export const RACE_WINDOW_MS = 1_000;

export function createAcquirer(opts: {
  clock: Pick<SimClock, 'now'>;
  customers: readonly Customer[];
  minQueryGapMs: number;
}) {
  const orders = new Map<string, Order>();
  const byIndex = new Map<number, Order>();
  /** Rate limit for order nos. the acquirer has never seen (queries after a lost pay request). */
  const noOrderQueries = new Map<string, number>();
  const stats = { violations: 0, served: 0, refunds: 0, raceRefusals: 0 };
  let txn = 0;

  /** Plays the customer's and the acquirer's own timed events up to `t`. */
  function advance(o: Order, t: number): void {
    if (o.state !== 'USERPAYING') return;
    const revokeAt = o.createdAt + AUTO_REVOKE_MS;
    if (o.completeAt !== undefined && o.completeAt < revokeAt && o.completeAt <= t) {
      o.state = 'SUCCESS';
      o.paidAt = o.completeAt;
    } else if (t >= revokeAt) {
      o.state = 'REVOKED';
      o.closedAt = revokeAt;
    }
  }
  const base = (o: Order | undefined): WxReply => ({
    return_code: 'SUCCESS',
    appid: 'wxbench',
    mch_id: '1900000109',
    ...(o && { out_trade_no: o.outTradeNo }),
  });
  const paidFacts = (o: Order): Partial<WxReply> => ({
    transaction_id: `42000${String(txn++).padStart(23, '0')}`,
    total_fee: String(o.amountFen),
    time_end: chinaStamp(o.paidAt as number),
  });
  const fail = (o: Order | undefined, err: string, des: string, extra: Partial<WxReply> = {}) => ({
    ...base(o),
    result_code: 'FAIL' as const,
    err_code: err,
    err_code_des: des,
    ...extra,
  });

  return {
    stats,
    micropay(req: { outTradeNo: string; authCode: string; amountFen: number }): WxReply {
      const t = opts.clock.now();
      const seen = orders.get(req.outTradeNo);
      if (seen) return fail(seen, 'INVALID_REQUEST', '重复的商户订单号');
      const customer = opts.customers[indexOfAuthCode(req.authCode)] as Customer;
      const o: Order = {
        outTradeNo: req.outTradeNo,
        customer,
        amountFen: req.amountFen,
        createdAt: t,
        state: 'USERPAYING',
      };
      orders.set(o.outTradeNo, o);
      byIndex.set(customer.index, o);
      switch (customer.behaviour) {
        case 'instant':
          o.state = 'SUCCESS';
          o.paidAt = t;
          return { ...base(o), result_code: 'SUCCESS', ...paidFacts(o) };
        case 'insufficient':
          o.state = 'PAYERROR';
          o.closedAt = t;
          return fail(o, 'NOTENOUGH', '余额不足');
        case 'password':
        case 'late':
          o.completeAt = t + (customer.payAfterMs as number);
          return fail(o, 'USERPAYING', '需要用户输入支付密码');
        default:
          return fail(o, 'USERPAYING', '需要用户输入支付密码');
      }
    },

    orderquery(outTradeNo: string): WxReply {
      const t = opts.clock.now();
      const o = orders.get(outTradeNo);
      const last = o?.lastServedQueryAt ?? noOrderQueries.get(outTradeNo);
      if (last !== undefined && t - last < opts.minQueryGapMs) {
        stats.violations++;
        return fail(o, 'FREQUENCY_LIMITED', '查询过于频繁');
      }
      stats.served++;
      if (!o) {
        noOrderQueries.set(outTradeNo, t);
        return fail(undefined, 'ORDERNOTEXIST', '此交易订单号不存在');
      }
      o.lastServedQueryAt = t;
      advance(o, t);
      return {
        ...base(o),
        result_code: 'SUCCESS',
        trade_state: o.state,
        ...(o.state === 'SUCCESS' && paidFacts(o)),
      };
    },

    reverse(outTradeNo: string): WxReply {
      const t = opts.clock.now();
      const o = orders.get(outTradeNo);
      if (!o) return fail(undefined, 'ORDERNOTEXIST', '此交易订单号不存在', { recall: 'N' });
      advance(o, t);
      if (o.state === 'USERPAYING') {
        if (o.customer.behaviour === 'race' && o.completeAt === undefined)
          o.completeAt = t + (o.customer.raceLagMs as number);
        if (o.completeAt !== undefined && o.completeAt > t && o.completeAt - t <= RACE_WINDOW_MS) {
          stats.raceRefusals++;
          return fail(o, 'USERPAYING', '正在支付中不能发起撤销', { recall: 'Y' });
        }
        o.state = 'REVOKED';
        o.closedAt = t;
      } else if (o.state === 'SUCCESS') {
        o.state = 'REVOKED';
        o.refundedAt = t;
        stats.refunds++;
      } else if (o.state === 'PAYERROR') {
        o.state = 'REVOKED';
      }
      return { ...base(o), result_code: 'SUCCESS', recall: 'N' };
    },

    /** The final truth for customer `index`, after every pending event has played out. */
    truth(index: number): Truth {
      const o = byIndex.get(index);
      if (!o) return { created: false, charged: false, how: 'never-arrived' };
      advance(o, Number.MAX_SAFE_INTEGER);
      if (o.refundedAt !== undefined)
        return { created: true, charged: false, finalAt: o.refundedAt, how: 'refunded' };
      if (o.state === 'SUCCESS')
        return { created: true, charged: true, finalAt: o.paidAt as number, how: 'paid' };
      if (o.paidAt === undefined && o.closedAt === o.createdAt + AUTO_REVOKE_MS)
        return { created: true, charged: false, finalAt: o.closedAt, how: 'auto-revoked' };
      return {
        created: true,
        charged: false,
        finalAt: o.closedAt as number,
        how: o.customer.behaviour === 'insufficient' ? 'payerror' : 'revoked',
      };
    },
  };
}
export type Acquirer = ReturnType<typeof createAcquirer>;

/* ------------------------------------------------------------------------------------------ */
/* The network between till and acquirer                                                      */
/* ------------------------------------------------------------------------------------------ */

export type Fault = 'lost-request' | 'lost-reply' | 'http-5xx';
export type Delivery<T> = { ok: true; reply: T } | { ok: false; fault: Fault };
export type CallKind = 'pay' | 'query' | 'reverse';

export interface NetOptions {
  seed: number;
  clock: SimClock;
  /** Share of calls hit by a fault, independently per call (default 10%). */
  faultRate?: number;
  /** One-way delay range, ms (default 40–150, so 80–300 ms a round trip). */
  oneWayMs?: [number, number];
}

/** One call as the bench saw it, for explaining a payment afterwards. */
export interface TraceEntry {
  sentAt: number;
  kind: CallKind;
  fault?: Fault;
  /** When the request reached the acquirer's order logic (not for lost requests or 5xx). */
  arrivedAt?: number;
  reply?: string;
}

/** WeChat reply in one line: SUCCESS / FAIL:ERR / SUCCESS:TRADE_STATE, recall. */
export function describeReply(r: unknown): string {
  const w = r as Partial<WxReply>;
  const parts = [w.result_code ?? w.return_code ?? '?'];
  if (w.err_code) parts.push(w.err_code);
  if (w.trade_state) parts.push(w.trade_state);
  if (w.recall) parts.push(`recall=${w.recall}`);
  return parts.join(':');
}

export interface CallCounts {
  pay: number;
  query: number;
  reverse: number;
  faults: number;
}

/**
 * Every call of payment `index` draws its fault and delays from that payment's own stream, so
 * the k-th call of a payment meets the same network whichever strategy makes it.
 * - lost request: never reaches the acquirer; the client waits its whole timeout.
 * - lost reply: the acquirer acts; the client waits its whole timeout.
 * - 5xx: the front end answers an error after a round trip; the order logic never ran.
 */
export function createNetwork(opts: NetOptions) {
  const faultRate = opts.faultRate ?? 0.1;
  const [lo, hi] = opts.oneWayMs ?? [40, 150];
  const streams = new Map<number, () => number>();
  const counts = new Map<number, CallCounts>();
  const traces = new Map<number, TraceEntry[]>();
  const { clock } = opts;

  return {
    counts,
    traces,
    countsOf(index: number): CallCounts {
      let c = counts.get(index);
      if (!c) counts.set(index, (c = { pay: 0, query: 0, reverse: 0, faults: 0 }));
      return c;
    },
    async call<T>(
      index: number,
      kind: CallKind,
      timeoutMs: number,
      handle: () => T,
    ): Promise<Delivery<T>> {
      let r = streams.get(index);
      if (!r) streams.set(index, (r = rng(streamSeed(opts.seed, index, 2))));
      // Always four draws per call, whatever happens, to keep the streams aligned.
      const f = r();
      const which = r();
      const up = between(r, lo, hi);
      const down = between(r, lo, hi);
      const c = this.countsOf(index);
      c[kind]++;
      const entry: TraceEntry = { sentAt: clock.now(), kind };
      let trace = traces.get(index);
      if (!trace) traces.set(index, (trace = []));
      trace.push(entry);
      if (f < faultRate) {
        c.faults++;
        const fault: Fault =
          which < 1 / 3 ? 'lost-request' : which < 2 / 3 ? 'lost-reply' : 'http-5xx';
        entry.fault = fault;
        if (fault === 'lost-request') {
          await clock.sleep(timeoutMs);
        } else if (fault === 'lost-reply') {
          await clock.sleep(up);
          entry.arrivedAt = clock.now();
          entry.reply = describeReply(handle());
          await clock.sleep(timeoutMs - up);
        } else {
          await clock.sleep(up + down);
        }
        return { ok: false, fault };
      }
      await clock.sleep(up);
      entry.arrivedAt = clock.now();
      const reply = handle();
      entry.reply = describeReply(reply);
      await clock.sleep(down);
      return { ok: true, reply };
    },
  };
}
export type Network = ReturnType<typeof createNetwork>;

/** Client timeouts of the WeChat SDKs (WxPayApi.php: micropay 10 s, everything else 6 s). */
export const TIMEOUTS = { pay: 10_000, query: 6_000, reverse: 6_000 } as const;

/**
 * The acquirer seen through our own WeChat adapter's mapping (electron/gateway/wechat/mapping.ts):
 * what the engine gets is exactly what the real adapter would make of these replies. A transport
 * failure is UNKNOWN, as in the real client.
 */
export function createBenchGateway(
  acquirer: Acquirer,
  net: Network,
  schedule: GatewaySchedule = WECHAT_SCHEDULE,
): PaymentGateway & { indexOf: Map<string, number> } {
  const indexOf = new Map<string, number>();
  const unknown = (fault: Fault): GatewayAnswer => ({
    outcome: 'UNKNOWN',
    errorCode: fault === 'http-5xx' ? 'HTTP_5XX' : 'NETWORK_TIMEOUT',
  });
  const orderNo = (ref: OrderRef): string => ('clientSn' in ref ? ref.clientSn : ref.sn);
  const indexFor = (ref: OrderRef): number => {
    const i = indexOf.get(orderNo(ref));
    if (i === undefined) throw new Error(`bench gateway: unknown order ${orderNo(ref)}`);
    return i;
  };
  return {
    name: 'bench-wechat',
    sandbox: true,
    schedule,
    indexOf,
    async pay(req) {
      const index = indexOfAuthCode(req.authCode);
      indexOf.set(req.clientSn, index);
      const d = await net.call(index, 'pay', TIMEOUTS.pay, () =>
        acquirer.micropay({
          outTradeNo: req.clientSn,
          authCode: req.authCode,
          amountFen: req.amountFen,
        }),
      );
      return d.ok ? mapMicropay(d.reply) : unknown(d.fault);
    },
    async query(ref) {
      const d = await net.call(indexFor(ref), 'query', TIMEOUTS.query, () =>
        acquirer.orderquery(orderNo(ref)),
      );
      return d.ok ? mapOrderQuery(d.reply) : unknown(d.fault);
    },
    async cancel(ref) {
      const d = await net.call(indexFor(ref), 'reverse', TIMEOUTS.reverse, () =>
        acquirer.reverse(orderNo(ref)),
      );
      return d.ok ? mapReverse(d.reply) : unknown(d.fault);
    },
    refund() {
      // The payment flow never refunds; the bench does not model refunds.
      return Promise.resolve({ outcome: 'UNKNOWN', errorCode: 'NOT_MODELLED' });
    },
  };
}
