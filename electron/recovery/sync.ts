import type { SyncResult } from '../../shared/api/recovery';
import type { Payment } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import type { GatewayAnswer } from '../gateway/types';
import type { PaymentEngine } from '../payments/engine';
import type { Repos } from '../store';
import { iso, type Clock } from '../services/clock';
import { auditOf, toFinding } from './findings';

export interface SyncDeps {
  repos: Pick<Repos, 'db' | 'payments' | 'sales' | 'audit'>;
  engine: PaymentEngine;
  clock: Clock;
  actor: () => string;
}

const RESULT: Record<GatewayAnswer['outcome'], SyncResult['result']> = {
  PAID: 'PAID_NOW',
  IN_PROGRESS: 'STILL_PAYING',
  FAILED: 'NOT_PAID',
  CANCELED: 'CLOSED',
  REFUNDED: 'REFUNDED',
  NOT_FOUND: 'NOT_FOUND',
  UNKNOWN: 'UNREACHABLE',
};

/**
 * order.sync (同步订单 / 补单): query the gateway again and apply its final answer through the
 * payment engine's own paths, so the order settles once and its receipt is issued once. Syncs
 * of one payment run one after another; the settling itself refuses to settle twice.
 */
export function createSync(deps: SyncDeps) {
  const { repos, engine, clock } = deps;
  const flow = engine.flow;
  const queue = new Map<string, Promise<unknown>>();

  async function once(paymentId: string): Promise<SyncResult> {
    const p = repos.payments.get(paymentId);
    if (!p) throw new TillError('NOT_FOUND', 'paymentId');
    if (p.method === 'CASH') throw new TillError('NOT_A_WALLET_PAYMENT', 'paymentId');
    const view = (payment: Payment, result: SyncResult['result'], a?: GatewayAnswer) => ({
      payment,
      before: p.state,
      result,
      gateway: a ? toFinding(a, 'merchant', iso(clock.now())) : null,
      orderStatus: repos.sales.get(payment.orderId)?.status ?? 'OPEN',
    });
    // Settled already (by another sync, the engine, the reconciler): nothing to ask, nothing to do.
    if (p.state === 'PAID') return view(p, 'ALREADY_PAID');

    const a = await flow.query(p, 'sync');
    const actor = deps.actor();
    const now = repos.payments.get(paymentId) ?? p;
    const audit = (after: Payment) =>
      repos.audit.record(iso(clock.now()), actor, 'order.sync', paymentId, {
        orderId: p.orderId,
        before: now.state,
        after: after.state,
        gateway: auditOf(a),
      });
    if (now.state === 'PAID') return view(now, 'ALREADY_PAID', a);
    const o = flow.outcome(now, a);
    // The engine is cancelling it right now: its own check after the cancel decides, or a PAID
    // applied here could meet a cancel that refunds the customer (a one-sided ledger).
    const reversing = now.state === 'REVERSING' && engine.running(paymentId);
    if (o === 'PAID' && !reversing) {
      const { payment, fresh } = flow.paidOnce(now, a, audit);
      return view(payment, fresh ? 'PAID_NOW' : 'ALREADY_PAID', a);
    }
    // A case nobody could confirm, and the gateway now says it is closed: nothing was kept.
    if (now.state === 'NEEDS_MANUAL' && ['CANCELED', 'FAILED', 'REFUNDED'].includes(o)) {
      const code = flow.wasCharged(now, a) ? 'REVERSED_REFUNDED' : 'CONFIRMED_CLOSED';
      const done = flow.ended(now, 'REVERSED', code, a, audit);
      return view(done, RESULT[o], a);
    }
    // Nothing to apply: the answer is still the audit's (who asked, when, what was said).
    audit(now);
    return view(now, o === 'PAID' ? 'STILL_PAYING' : RESULT[o], a);
  }

  return function sync(paymentId: string): Promise<SyncResult> {
    const before = queue.get(paymentId) ?? Promise.resolve();
    const run = before.then(() => once(paymentId));
    const tail = run.catch(() => undefined);
    queue.set(paymentId, tail);
    void tail.then(() => {
      if (queue.get(paymentId) === tail) queue.delete(paymentId);
    });
    return run;
  };
}
export type Sync = ReturnType<typeof createSync>;
