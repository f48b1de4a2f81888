import type { Payment, RefundSummary } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import type { PaymentGateway } from '../gateway/types';
import type { Repos } from '../store';
import type { RefundRow, RefundState } from '../store/refunds';
import { iso, type Clock } from '../services/clock';
import { newId } from '../services/ids';

/** The requestId of the automatic refund of a second success on a paid order. */
const OVERPAID = 'overpaid';

export interface RefundDeps {
  repos: Pick<Repos, 'db' | 'payments' | 'refunds' | 'audit' | 'sales'>;
  gateway: PaymentGateway;
  clock: Clock;
  /** 工号 of whoever asked (the supervisor's approval is stamped on the same audit rows). */
  actor: () => string;
  /** The open shift, if any: a refund's money leaves that shift's drawer or figures. */
  shift?: () => string | null;
}

/** What one refund request did: its parts (one per payment of a split tender). */
export interface RefundOutcome {
  rows: RefundRow[];
  /** False when the request had been made before and this only repeats it. */
  fresh: boolean;
}

/**
 * Refunds keyed by a refund no. that is written before the acquirer is asked and reused on every
 * retry (WeChat out_refund_no, Alipay out_request_no, upay refund_request_no): money moves once.
 * Each part and each outcome is audited in the transaction that records it; a confirmed refund
 * adds to the order's refunded_fen in the same transaction.
 */
export function createRefundService(deps: RefundDeps) {
  const { repos, gateway, clock } = deps;
  const now = () => iso(clock.now());

  const live = (paymentId: string) =>
    repos.refunds.byPayment(paymentId).filter((r) => r.state !== 'FAILED');
  const refundable = (p: Payment): number =>
    p.amountFen - live(p.paymentId).reduce((s, r) => s + r.amountFen, 0);

  /** The state change, the order's refunded total and the audit row of the outcome: one commit. */
  function settle(r: RefundRow, p: Payment, state: RefundState, errorCode: string | null) {
    return repos.db.transaction(() => {
      const row = repos.refunds.setState(r.id, state, now(), errorCode);
      // A duplicate charge sent back is not a refund of the sale.
      if (state === 'REFUNDED' && r.requestId !== OVERPAID)
        repos.sales.addRefunded(p.orderId, r.amountFen, now());
      repos.audit.record(
        now(),
        deps.actor(),
        state === 'REFUNDED' ? 'refund.done' : 'refund.failed',
        p.orderId,
        {
          refundNo: r.refundNo,
          paymentId: p.paymentId,
          method: p.method,
          amountFen: r.amountFen,
          ...(errorCode ? { errorCode } : {}),
        },
      );
      return row;
    })();
  }

  async function send(r: RefundRow, p: Payment): Promise<RefundRow> {
    // Cash goes back from the drawer, by the cashier's hand, at once.
    if (p.method === 'CASH') return settle(r, p, 'REFUNDED', null);
    const a = await gateway.refund({
      ref: { clientSn: p.merchantOrderNo },
      refundNo: r.refundNo,
      amountFen: r.amountFen,
      totalFen: p.amountFen,
      reason: r.reason ?? undefined,
    });
    if (a.outcome === 'REFUNDED') return settle(r, p, 'REFUNDED', null);
    if (a.outcome === 'FAILED' && !a.retry)
      return settle(r, p, 'FAILED', a.errorCode ?? 'REFUND_FAIL');
    return r; // uncertain: stays PENDING, retried later with the same refund no.
  }

  /** Written (with its audit row) before the acquirer hears of it. */
  function record(p: Payment, amountFen: number, requestId: string, reason: string): RefundRow {
    return repos.db.transaction(() => {
      const n = repos.refunds.byPayment(p.paymentId).length + 1;
      const row = repos.refunds.insert({
        id: newId('ref'),
        paymentId: p.paymentId,
        refundNo: `${p.merchantOrderNo}R${n}`,
        requestId,
        amountFen,
        reason,
        shiftId: deps.shift?.() ?? null,
        createdAt: now(),
      });
      repos.audit.record(now(), deps.actor(), 'refund.request', p.orderId, {
        refundNo: row.refundNo,
        paymentId: p.paymentId,
        method: p.method,
        amountFen,
        reason,
        requestId,
      });
      return row;
    })();
  }

  /** One payment's refund under a request id: the same id again repeats it. */
  async function refundPayment(
    p: Payment,
    amountFen: number,
    requestId: string,
    reason: string,
  ): Promise<RefundRow> {
    const existing = repos.refunds.byRequest(p.paymentId, requestId);
    if (existing) return existing.state === 'PENDING' ? send(existing, p) : existing;
    return send(record(p, amountFen, requestId, reason), p);
  }

  const resend = (rows: RefundRow[]) =>
    Promise.all(
      rows.map((r) =>
        r.state === 'PENDING' ? send(r, repos.payments.get(r.paymentId) as Payment) : r,
      ),
    );

  function summary(orderId: string): RefundSummary {
    const paid = repos.payments
      .byOrder(orderId)
      .filter((p) => p.state === 'PAID' && !repos.refunds.byRequest(p.paymentId, OVERPAID));
    const rows = paid.flatMap((p) => repos.refunds.byPayment(p.paymentId));
    const sum = (s: RefundState) =>
      rows.filter((r) => r.state === s).reduce((n, r) => n + r.amountFen, 0);
    const paidFen = paid.reduce((n, p) => n + p.amountFen, 0);
    const refundedFen = sum('REFUNDED');
    const pendingFen = sum('PENDING');
    return {
      state: refundedFen === 0 ? 'NONE' : refundedFen >= paidFen ? 'FULL' : 'PARTIAL',
      refundedFen,
      pendingFen,
      refundableFen: Math.max(0, paidFen - refundedFen - pendingFen),
    };
  }

  return {
    /**
     * Refunds `amountFen` (default: all that is left) of a paid order, newest payment first.
     * The same requestId again repeats the first request; with another amount it is refused.
     */
    async refundOrder(
      orderId: string,
      requestId: string,
      amountFen: number | undefined,
      reason: string,
    ): Promise<RefundOutcome> {
      const sale = repos.sales.get(orderId);
      if (!sale || sale.status !== 'PAID') throw new TillError('NOT_FOUND', 'orderId');
      const paid = repos.payments
        .byOrder(orderId)
        .filter((p) => p.state === 'PAID')
        .reverse();
      const done = paid
        .map((p) => repos.refunds.byRequest(p.paymentId, requestId))
        .filter((r): r is RefundRow => r !== null);
      if (done.length > 0) {
        const asked = done.reduce((s, r) => s + r.amountFen, 0);
        if (amountFen !== undefined && amountFen !== asked)
          throw new TillError('REFUND_REQUEST_REUSED', 'requestId', `first asked for ${asked} fen`);
        return { rows: await resend(done), fresh: false };
      }
      const left = paid.reduce((s, p) => s + refundable(p), 0);
      let rest = amountFen ?? left;
      if (rest <= 0 || rest > left) throw new TillError('REFUND_TOO_MUCH', 'amountFen');
      const parts: { p: Payment; row: RefundRow }[] = [];
      for (const p of paid) {
        const take = Math.min(rest, refundable(p));
        if (take <= 0) continue;
        parts.push({ p, row: record(p, take, requestId, reason) });
        rest -= take;
        if (rest === 0) break;
      }
      const rows: RefundRow[] = [];
      for (const { p, row } of parts) rows.push(await send(row, p));
      return { rows, fresh: true };
    },
    /** A second success for an already paid order goes back in full, under a fixed refund no. */
    refundOverpaid: (p: Payment): Promise<RefundRow> =>
      refundPayment(p, p.amountFen, OVERPAID, '重复支付自动退款'),
    /** One payment, whatever its order's state (a supervisor case: parked or unmatched). */
    refundPayment,
    async retryPending(): Promise<number> {
      const pending = repos.refunds.pending();
      for (const r of pending) await send(r, repos.payments.get(r.paymentId) as Payment);
      return pending.length;
    },
    refundable,
    summary,
  };
}
export type RefundService = ReturnType<typeof createRefundService>;
