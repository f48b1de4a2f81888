import type { Payment } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import type { PaymentGateway } from '../gateway/types';
import type { Repos } from '../store';
import type { RefundRow } from '../store/refunds';
import { iso, type Clock } from '../services/clock';
import { newId } from '../services/ids';

export interface RefundDeps {
  repos: Pick<Repos, 'payments' | 'refunds' | 'audit' | 'sales'>;
  gateway: PaymentGateway;
  clock: Clock;
  actor: string;
}

/**
 * Refunds keyed by a refund no. that is written before the acquirer is asked and reused on every
 * retry (WeChat out_refund_no, Alipay out_request_no, upay refund_request_no): money moves once.
 */
export function createRefundService(deps: RefundDeps) {
  const { repos, gateway, clock } = deps;

  const refundable = (p: Payment): number =>
    p.amountFen -
    repos.refunds
      .byPayment(p.paymentId)
      .filter((r) => r.state !== 'FAILED')
      .reduce((s, r) => s + r.amountFen, 0);

  async function send(r: RefundRow, p: Payment): Promise<RefundRow> {
    if (p.method === 'CASH') return repos.refunds.setState(r.id, 'REFUNDED', iso(clock.now()));
    const a = await gateway.refund({
      ref: { clientSn: p.merchantOrderNo },
      refundNo: r.refundNo,
      amountFen: r.amountFen,
      totalFen: p.amountFen,
      reason: r.reason ?? undefined,
    });
    if (a.outcome === 'REFUNDED') return repos.refunds.setState(r.id, 'REFUNDED', iso(clock.now()));
    if (a.outcome === 'FAILED' && !a.retry)
      return repos.refunds.setState(r.id, 'FAILED', iso(clock.now()), a.errorCode ?? 'REFUND_FAIL');
    return r; // uncertain: stays PENDING, retried later with the same refund no.
  }

  async function refundPayment(
    p: Payment,
    amountFen: number,
    requestId: string,
    reason: string,
  ): Promise<RefundRow> {
    const existing = repos.refunds.byRequest(p.paymentId, requestId);
    if (existing) return existing.state === 'PENDING' ? send(existing, p) : existing;
    const n = repos.refunds.byPayment(p.paymentId).length + 1;
    const row = repos.refunds.insert({
      id: newId('ref'),
      paymentId: p.paymentId,
      refundNo: `${p.merchantOrderNo}R${n}`,
      requestId,
      amountFen,
      reason,
      createdAt: iso(clock.now()),
    });
    repos.audit.record(iso(clock.now()), deps.actor, 'refund.request', p.paymentId, {
      refundNo: row.refundNo,
      amountFen,
    });
    return send(row, p);
  }

  return {
    /** Refunds `amountFen` (default: all that is left) of a paid order, newest payment first. */
    async refundOrder(
      orderId: string,
      requestId: string,
      amountFen?: number,
      reason = '顾客退货',
    ): Promise<RefundRow[]> {
      const sale = repos.sales.get(orderId);
      if (!sale || sale.status !== 'PAID') throw new TillError('NOT_FOUND', 'orderId');
      const paid = repos.payments
        .byOrder(orderId)
        .filter((p) => p.state === 'PAID')
        .reverse();
      const done = paid
        .map((p) => repos.refunds.byRequest(p.paymentId, requestId))
        .filter((r): r is RefundRow => r !== null);
      if (done.length > 0)
        return Promise.all(
          done.map((r) =>
            r.state === 'PENDING' ? send(r, repos.payments.get(r.paymentId) as Payment) : r,
          ),
        );
      const left = paid.reduce((s, p) => s + refundable(p), 0);
      let rest = amountFen ?? left;
      if (rest <= 0 || rest > left) throw new TillError('REFUND_TOO_MUCH', 'amountFen');
      const out: RefundRow[] = [];
      for (const p of paid) {
        const take = Math.min(rest, refundable(p));
        if (take <= 0) continue;
        out.push(await refundPayment(p, take, requestId, reason));
        rest -= take;
        if (rest === 0) break;
      }
      return out;
    },
    /** A second success for an already paid order goes back in full, under a fixed refund no. */
    refundOverpaid: (p: Payment): Promise<RefundRow> =>
      refundPayment(p, p.amountFen, 'overpaid', '重复支付自动退款'),
    /** One payment, whatever its order's state (a supervisor case: parked or unmatched). */
    refundPayment,
    async retryPending(): Promise<number> {
      const pending = repos.refunds.pending();
      for (const r of pending) await send(r, repos.payments.get(r.paymentId) as Payment);
      return pending.length;
    },
    refundable,
  };
}
export type RefundService = ReturnType<typeof createRefundService>;
