import type { WxReply } from '../../electron/gateway/wechat/wire';
import { chinaStamp } from '../../electron/services/ids';
import { indexOfAuthCode, type Customer } from './customers';
import { AUTO_REVOKE_MS, RACE_WINDOW_MS, advance, truthOf, type Order, type Truth } from './orders';
import type { SimClock } from './sim';

export { AUTO_REVOKE_MS, RACE_WINDOW_MS, type Truth };

/**
 * An in-memory WeChat-v2-like acquirer on the simulated clock (payments.md §1.5–§1.9):
 * orders by merchant order no., seeded customers (customers.ts), a per-order query rate limit,
 * refunds keyed by out_refund_no, and the truth of every order (charged or not, and when that
 * became final).
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
 * - Refund (§1.7): keyed by out_refund_no. The same out_refund_no with the same order and
 *   amount answers SUCCESS again without moving money twice; with other figures, PARAM_ERROR.
 *   Unknown order: ORDERNOTEXIST. An order that is not paid (or already fully refunded or
 *   reversed): TRADE_STATE_ERROR (a definite refusal). More than is left: PARAM_ERROR. A fully
 *   refunded order reads trade_state REFUND. (Not modelled: the 1-year TRADE_OVERDUE, merchant
 *   balance NOTENOUGH.)
 * - Rate limit: a query for an order that arrives less than `minQueryGapMs` after the last
 *   query the acquirer *served* for it is refused (FAIL FREQUENCY_LIMITED, an UNKNOWN to every
 *   client) and counted as a violation. Refused queries do not restart the window.
 *   The gap is measured where the acquirer sees it: at arrival, after the uplink delay.
 *   Every query counts, whoever sends it (a payment loop or a reconciler).
 * - transaction_id is assigned once, when the order is paid.
 */

interface RefundRecord {
  outTradeNo: string;
  refundFee: number;
  refundId: string;
}

export function createAcquirer(opts: {
  clock: Pick<SimClock, 'now'>;
  customers: readonly Customer[];
  minQueryGapMs: number;
}) {
  const orders = new Map<string, Order>();
  const byIndex = new Map<number, Order>();
  /** Rate limit for order nos. the acquirer has never seen (queries after a lost pay request). */
  const noOrderQueries = new Map<string, number>();
  const refunds = new Map<string, RefundRecord>();
  const stats = { violations: 0, served: 0, refunds: 0, raceRefusals: 0, refundCalls: 0 };
  let txn = 0;
  let refundSeq = 0;

  const base = (o: Order | undefined): WxReply => ({
    return_code: 'SUCCESS',
    appid: 'wxbench',
    mch_id: '1900000109',
    ...(o && { out_trade_no: o.outTradeNo }),
  });
  const paidFacts = (o: Order): Partial<WxReply> => ({
    transaction_id: (o.transactionId ??= `42000${String(txn++).padStart(23, '0')}`),
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
        refundedFen: 0,
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
        ...((o.state === 'SUCCESS' || o.state === 'REFUND') && paidFacts(o)),
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

    refund(req: {
      outTradeNo: string;
      outRefundNo: string;
      totalFee: number;
      refundFee: number;
    }): WxReply {
      const t = opts.clock.now();
      stats.refundCalls++;
      const o = orders.get(req.outTradeNo);
      if (!o) return fail(undefined, 'ORDERNOTEXIST', '此交易订单号不存在');
      advance(o, t);
      const done = (r: RefundRecord): WxReply => ({
        ...base(o),
        result_code: 'SUCCESS',
        ...paidFacts(o),
        out_refund_no: req.outRefundNo,
        refund_id: r.refundId,
        refund_fee: String(r.refundFee),
      });
      const seen = refunds.get(req.outRefundNo);
      if (seen) {
        return seen.outTradeNo === req.outTradeNo && seen.refundFee === req.refundFee
          ? done(seen)
          : fail(o, 'PARAM_ERROR', '同一退款单号参数不一致');
      }
      if (o.state !== 'SUCCESS') return fail(o, 'TRADE_STATE_ERROR', '订单状态错误');
      if (req.totalFee !== o.amountFen) return fail(o, 'PARAM_ERROR', '订单金额不符');
      if (req.refundFee <= 0 || req.refundFee > o.amountFen - o.refundedFen)
        return fail(o, 'PARAM_ERROR', '退款金额大于可退金额');
      const r: RefundRecord = {
        outTradeNo: o.outTradeNo,
        refundFee: req.refundFee,
        refundId: `50000${String(refundSeq++).padStart(23, '0')}`,
      };
      refunds.set(req.outRefundNo, r);
      o.refundedFen += req.refundFee;
      stats.refunds++;
      if (o.refundedFen === o.amountFen) {
        o.state = 'REFUND';
        o.refundedAt = t;
      }
      return done(r);
    },

    /** The final truth for customer `index`, after every pending event has played out. */
    truth: (index: number): Truth => truthOf(byIndex.get(index)),
  };
}
export type Acquirer = ReturnType<typeof createAcquirer>;
