import type { Payment, PaymentState } from '../../shared/domain';
import type { EventBus } from '../api/events';
import type { GatewayAnswer, PaymentGateway } from '../gateway/types';
import type { Repos } from '../store';
import type { PaymentPatch } from '../store/payments';
import { iso, type Clock } from '../services/clock';
import { reasonText } from './reasons';
import { settleOrder } from './tender';

export interface FlowDeps {
  repos: Pick<Repos, 'db' | 'payments' | 'sales' | 'audit'>;
  gateway: PaymentGateway;
  clock: Clock;
  events: EventBus;
  /** The order is fully paid: issue the receipt. */
  onOrderPaid: (orderId: string) => void;
  /** A payment succeeded for an order already paid by another: its money must go back. */
  onOverpaid: (payment: Payment) => void;
  /** Every gateway answer the flow acts on, for the log. */
  trace?: (paymentId: string, step: string, answer: GatewayAnswer) => void;
  /** Who the payment's ending is recorded under (the cashier's call, or 'system'). */
  actor?: () => string;
}

type Ending = 'FAILED' | 'REVERSED' | 'NEEDS_MANUAL';

/**
 * One payment's life after the merchant order no. is stored (DESIGN.md state machine). Every
 * transition is persisted before the next network call; uncertain answers are PENDING, never
 * FAILED; PENDING ends in a query result or a reversal that is itself confirmed by a query.
 */
export function createFlow(deps: FlowDeps) {
  const { repos, gateway, clock, events } = deps;
  const s = gateway.schedule;
  const cancelRequested = new Set<string>();
  const lastQuery = new Map<string, number>();

  const persist = (
    id: string,
    to: PaymentState,
    patch: PaymentPatch = {},
    detail?: unknown,
  ): Payment => repos.payments.transition(id, to, iso(clock.now()), patch, detail);
  const emit = (p: Payment): Payment => {
    events.emit('payment.updated', p);
    return p;
  };
  const move = (
    id: string,
    to: PaymentState,
    patch: PaymentPatch = {},
    detail?: unknown,
  ): Payment => emit(persist(id, to, patch, detail));
  const ids = (a: GatewayAnswer): PaymentPatch => ({
    ...(a.sn ? { platformOrderNo: a.sn } : {}),
    ...(a.tradeNo ? { thirdPartyOrderNo: a.tradeNo } : {}),
  });
  /** A "paid" answer for another amount is not our payment's success: it stays uncertain. */
  const outcome = (p: Payment, a: GatewayAnswer): GatewayAnswer['outcome'] =>
    a.outcome === 'PAID' && a.amountFen !== undefined && a.amountFen !== p.amountFen
      ? 'UNKNOWN'
      : a.outcome;

  /** The ending of a payment, audited in the transaction that writes it. */
  const audit = (p: Payment, to: PaymentState, code: string | null) =>
    repos.audit.record(iso(clock.now()), deps.actor?.() ?? 'system', 'pay.end', p.paymentId, {
      orderId: p.orderId,
      method: p.method,
      amountFen: p.amountFen,
      state: to,
      reasonCode: code,
    });

  /** The payment's end and its order's status are one transaction: a crash never splits them. */
  function paid(p: Payment, a: GatewayAnswer): Payment {
    const { done, wasPaid, status } = repos.db.transaction(() => {
      const wasPaid = repos.sales.get(p.orderId)?.status === 'PAID';
      const done = persist(
        p.paymentId,
        'PAID',
        { ...ids(a), reasonCode: null, reasonText: null },
        a,
      );
      audit(p, 'PAID', null);
      return {
        done,
        wasPaid,
        status: wasPaid ? 'PAID' : settleOrder(repos, p.orderId, iso(clock.now())),
      };
    })();
    emit(done);
    if (wasPaid) deps.onOverpaid(done);
    else if (status === 'PAID') deps.onOrderPaid(p.orderId);
    return done;
  }
  function ended(p: Payment, to: Ending, code: string, a?: GatewayAnswer): Payment {
    const patch = {
      ...(a ? ids(a) : {}),
      reasonCode: code,
      reasonText: reasonText(code, a?.errorMessage),
    };
    const done = repos.db.transaction(() => {
      const row = persist(p.paymentId, to, patch, a);
      audit(p, to, code);
      // Unpaid: the cart opens again for a new attempt. NEEDS_MANUAL keeps it locked for a supervisor.
      if (to !== 'NEEDS_MANUAL') settleOrder(repos, p.orderId, iso(clock.now()));
      return row;
    })();
    return emit(done);
  }

  /** Sleeps in slices so a cashier's cancel is acted on promptly. */
  async function wait(id: string, ms: number): Promise<void> {
    const until = clock.now() + ms;
    while (clock.now() < until && !cancelRequested.has(id))
      await clock.sleep(Math.min(500, until - clock.now()));
  }
  async function query(p: Payment): Promise<GatewayAnswer> {
    // Never faster than the acquirer allows for one order, also across resumed loops.
    const gap = (lastQuery.get(p.paymentId) ?? -Infinity) + s.minQueryGapMs - clock.now();
    if (gap > 0) await clock.sleep(gap);
    const a = await gateway.query({ clientSn: p.merchantOrderNo });
    deps.trace?.(p.paymentId, 'query', a);
    // Measured from the answer, not the request: the acquirer counts arrivals, and a slow
    // uplink on one query and a fast one on the next must not put them closer than allowed.
    lastQuery.set(p.paymentId, clock.now());
    return a;
  }

  async function settle(p: Payment, a: GatewayAnswer): Promise<Payment> {
    const o = outcome(p, a);
    if (o === 'PAID') return paid(p, a);
    if (o === 'FAILED' || o === 'CANCELED') return ended(p, 'FAILED', a.errorCode ?? 'PAY_FAIL', a);
    return poll(move(p.paymentId, 'PENDING', ids(a), a));
  }

  async function poll(p: Payment): Promise<Payment> {
    const deadline = Date.parse(p.createdAt) + s.windowMs;
    const created = Date.parse(p.createdAt);
    // Resumed after a restart: the first query is due from creation, not from now.
    let gap = Math.max(0, created + s.firstQueryMs - clock.now());
    while (clock.now() + gap < deadline && !cancelRequested.has(p.paymentId)) {
      await wait(p.paymentId, gap);
      gap = s.intervalMs;
      move(p.paymentId, 'QUERYING');
      const a = await query(p);
      const o = outcome(p, a);
      if (o === 'PAID') return paid(p, a);
      if (o === 'FAILED' || o === 'CANCELED')
        return ended(p, 'FAILED', a.errorCode ?? 'PAY_FAIL', a);
      if (o === 'REFUNDED') return ended(p, 'REVERSED', 'REVERSED', a);
      move(p.paymentId, 'PENDING', ids(a), a);
    }
    return reverse(p);
  }

  /** Cancel right after the last query; confirm by query; a cancel never confirmed is a supervisor's case. */
  async function reverse(p: Payment): Promise<Payment> {
    const reason = cancelRequested.has(p.paymentId) ? 'CANCELED_BY_CASHIER' : 'REVERSED';
    const notBefore = Date.parse(p.createdAt) + s.reverseNotBeforeMs;
    if (clock.now() < notBefore) await clock.sleep(notBefore - clock.now());
    move(p.paymentId, 'REVERSING');
    for (let attempt = 1; attempt <= s.reverseAttempts; attempt++) {
      const a = await gateway.cancel({ clientSn: p.merchantOrderNo });
      deps.trace?.(p.paymentId, `cancel#${attempt}`, a);
      // FAILED from a cancel: the acquirer already closed the order (abandoned, revoked).
      if (['CANCELED', 'NOT_FOUND', 'REFUNDED', 'FAILED'].includes(a.outcome)) {
        const check = await query(p);
        // The customer paid in the last instant and the cancel missed it: kept as PAID, not dropped.
        if (outcome(p, check) === 'PAID') return paid(p, check);
        if (check.outcome !== 'UNKNOWN') return ended(p, 'REVERSED', reason, a);
      } else if (outcome(p, a) === 'PAID') {
        return paid(p, a);
      } else if (a.errorCode === 'USERPAYING') {
        // WeChat: still in the password dialog; one more interval, then ask and cancel again.
        await clock.sleep(s.intervalMs);
        const check = await query(p);
        if (outcome(p, check) === 'PAID') return paid(p, check);
        continue;
      }
      await clock.sleep(s.reverseIntervalMs);
    }
    return ended(p, 'NEEDS_MANUAL', 'NEEDS_MANUAL');
  }

  /** Drives a payment found unfinished (after a restart) to its end. */
  function resume(p: Payment): Promise<Payment> {
    // NEW is written before SUBMITTING and the pay call only after SUBMITTING: nothing was sent.
    if (p.state === 'NEW') return Promise.resolve(ended(p, 'FAILED', 'NOT_SENT'));
    if (p.state === 'REVERSING') return reverse(p);
    return poll(p);
  }

  return {
    move,
    persist,
    emit,
    paid,
    settle,
    resume,
    outcome,
    requestCancel: (id: string) => cancelRequested.add(id),
    forget: (id: string) => {
      cancelRequested.delete(id);
      lastQuery.delete(id);
    },
  };
}
export type Flow = ReturnType<typeof createFlow>;
