import { FINAL_PAYMENT_STATES, type Payment, type PaymentState } from '../../shared/domain';
import type { EventBus } from '../api/events';
import type { GatewayAnswer, PayRequest, PaymentGateway } from '../gateway/types';
import type { Repos } from '../store';
import type { PaymentPatch } from '../store/payments';
import { iso, type Clock } from '../services/clock';
import { parkOrder } from './parking';
import { createQueryGate } from './queryGate';
import { reasonText } from './reasons';
import { nextQueryAt } from './schedule';
import { settleOrder } from './tender';

export interface FlowDeps {
  repos: Pick<Repos, 'db' | 'payments' | 'sales' | 'audit' | 'cases'>;
  gateway: PaymentGateway;
  clock: Clock;
  events: EventBus;
  /** The order is fully paid: issue the receipt. */
  onOrderPaid: (orderId: string) => void;
  /** A payment succeeded for an order already paid by another: its money must go back. */
  onOverpaid: (payment: Payment) => void;
  /** Every gateway answer the flow acts on, for the log. */
  trace?: (paymentId: string, step: string, answer: GatewayAnswer) => void;
  /**
   * 工号 of whoever the payment's ending is recorded under and who parks a sale nobody can
   * confirm: the cashier whose call started it, or 'system' (the reconciler's rounds).
   */
  actor?: () => string;
}

type Ending = 'FAILED' | 'REVERSED' | 'NEEDS_MANUAL';

/** upay's "the cancel tried to stop a payment in progress and could not" (SQB resultCode.md). */
const CANCEL_RACE = new Set(['USERPAYING', 'CANCEL_ABORT_ERROR', 'CANCEL_ABORT_IN_PROGRESS']);
const HTTP_5XX = /^HTTP_5\d\d$/;

/**
 * One payment's life after the merchant order no. is stored (DESIGN.md state machine). Every
 * transition is persisted before the next network call; uncertain answers are PENDING, never
 * FAILED; PENDING ends in a query result or a reversal that is itself confirmed by a query.
 */
export function createFlow(deps: FlowDeps) {
  const { repos, gateway, clock, events } = deps;
  const s = gateway.schedule;
  const cancelRequested = new Set<string>();
  const gate = createQueryGate(deps);

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
  /** The acquirer says money was taken at some point: a refund, or a channel no. on the order. */
  const wasCharged = (p: Payment, ...answers: GatewayAnswer[]): boolean =>
    p.thirdPartyOrderNo !== null ||
    answers.some((a) => a.outcome === 'REFUNDED' || a.tradeNo !== undefined);

  /** The ending of a payment, audited in the transaction that writes it. */
  const audit = (p: Payment, to: PaymentState, code: string | null) =>
    repos.audit.record(iso(clock.now()), deps.actor?.() ?? 'system', 'pay.end', p.paymentId, {
      orderId: p.orderId,
      method: p.method,
      amountFen: p.amountFen,
      state: to,
      reasonCode: code,
    });

  /**
   * The payment's end and its order's status are one transaction: a crash never splits them. A
   * payment already PAID stays as it is (two syncs, or a sync racing the poll, settle it once);
   * `also` runs inside the same transaction (the sync's audit row).
   */
  function paidOnce(
    p: Payment,
    a: GatewayAnswer,
    also?: (done: Payment) => void,
  ): { payment: Payment; fresh: boolean } {
    const r = repos.db.transaction(() => {
      const before = repos.payments.get(p.paymentId);
      if (before?.state === 'PAID') return { done: before, fresh: false, wasPaid: false };
      const wasPaid = repos.sales.get(p.orderId)?.status === 'PAID';
      const done = persist(
        p.paymentId,
        'PAID',
        { ...ids(a), reasonCode: null, reasonText: null },
        a,
      );
      audit(p, 'PAID', null);
      const status = wasPaid ? 'PAID' : settleOrder(repos, p.orderId, iso(clock.now()));
      also?.(done);
      return { done, fresh: true, wasPaid, status };
    })();
    if (!r.fresh) return { payment: r.done, fresh: false };
    emit(r.done);
    if (r.wasPaid) deps.onOverpaid(r.done);
    else if (r.status === 'PAID') deps.onOrderPaid(p.orderId);
    if (r.status === 'PAID') events.emit('case.updated', { openCount: repos.cases.openCount() });
    return { payment: r.done, fresh: true };
  }
  const paid = (p: Payment, a: GatewayAnswer, also?: (done: Payment) => void): Payment =>
    paidOnce(p, a, also).payment;

  function ended(
    p: Payment,
    to: Ending,
    code: string,
    a?: GatewayAnswer,
    also?: (done: Payment) => void,
  ): Payment {
    const patch = {
      ...(a ? ids(a) : {}),
      reasonCode: code,
      reasonText: reasonText(code, a?.errorMessage),
    };
    const r = repos.db.transaction(() => {
      const before = repos.payments.get(p.paymentId);
      // Settled meanwhile (a sync found it paid): a later answer never un-pays it.
      if (!before || before.state === 'PAID') return { done: before ?? p, parked: false };
      const done = persist(p.paymentId, to, patch, a);
      audit(p, to, code);
      const at = iso(clock.now());
      // Unpaid: the cart opens again for a new attempt. NEEDS_MANUAL parks the sale (挂起): the
      // till serves the next customer; the reconciler and the supervisor settle the case.
      if (to === 'NEEDS_MANUAL')
        parkOrder(repos, p.orderId, 'UNCONFIRMED_PAYMENT', at, deps.actor?.() ?? 'till', {
          paymentId: p.paymentId,
          amountFen: p.amountFen,
          merchantOrderNo: p.merchantOrderNo,
        });
      else settleOrder(repos, p.orderId, at);
      also?.(done);
      return { done, parked: to === 'NEEDS_MANUAL' };
    })();
    if (r.parked) {
      const sale = repos.sales.get(p.orderId);
      if (sale) events.emit('sale.updated', sale);
      events.emit('case.updated', { openCount: repos.cases.openCount() });
    }
    return emit(r.done);
  }
  /** A reversal that gave back money the customer had paid says so (not "did not pay"). */
  const reversed = (p: Payment, code: string, ...answers: GatewayAnswer[]): Payment =>
    ended(p, 'REVERSED', wasCharged(p, ...answers) ? 'REVERSED_REFUNDED' : code, answers[0]);

  /** Sleeps in slices so a cashier's cancel is acted on promptly. */
  async function wait(id: string, ms: number): Promise<void> {
    const until = clock.now() + ms;
    while (clock.now() < until && !cancelRequested.has(id))
      await clock.sleep(Math.min(500, until - clock.now()));
  }
  const query = (p: Payment, step = 'query') => gate.query(p, step);
  /** Ended meanwhile by someone else (a sync): the flow stops and answers that. */
  const endedElsewhere = (id: string): Payment | null => {
    const now = repos.payments.get(id);
    return now && FINAL_PAYMENT_STATES.includes(now.state) ? now : null;
  };

  /**
   * The pay call. An HTTP 5xx was refused before the acquirer acted on it, so where the
   * protocol lets the same merchant order no. be sent again unchanged (WeChat, Alipay) it is,
   * a few times, before the engine falls back to queries.
   */
  async function sendPay(p: Payment, req: PayRequest): Promise<GatewayAnswer> {
    let a = await gateway.pay(req);
    for (let n = 1; n <= (s.payRetries ?? 0) && HTTP_5XX.test(a.errorCode ?? ''); n++) {
      deps.trace?.(p.paymentId, `pay#${n}`, a);
      await wait(p.paymentId, s.payRetryDelayMs ?? 1_000);
      if (cancelRequested.has(p.paymentId)) break;
      a = await gateway.pay(req);
    }
    deps.trace?.(p.paymentId, 'pay', a);
    return a;
  }

  /**
   * A pay call that has not answered after `queryWhilePayMs` may have charged the customer
   * with its reply lost on the way (掉单): the order is asked about while the call is still
   * out ("micropay call itself times out / no response → orderquery", payments.md §1.9), so a
   * lost reply costs seconds, not the whole pay timeout.
   */
  async function askWhilePaying(p: Payment, answered: () => boolean): Promise<void> {
    if (!s.queryWhilePayMs) return;
    await clock.sleep(s.queryWhilePayMs);
    if (answered() || endedElsewhere(p.paymentId)) return;
    const a = await query(p, 'while-pay');
    if (outcome(p, a) === 'PAID') paid(p, a);
  }

  async function submit(p: Payment, req: PayRequest): Promise<Payment> {
    let answered = false;
    const pay = sendPay(p, req).finally(() => (answered = true));
    const early = askWhilePaying(p, () => answered).catch(() => undefined);
    const a = await pay;
    // The early query found it paid while the call was out: that is the end of it.
    const settled = endedElsewhere(p.paymentId);
    if (settled) return settled;
    const done = await settle(p, a);
    await early;
    return done;
  }

  async function settle(p: Payment, a: GatewayAnswer): Promise<Payment> {
    const o = outcome(p, a);
    if (o === 'PAID') return paid(p, a);
    if (o === 'FAILED' || o === 'CANCELED') return ended(p, 'FAILED', a.errorCode ?? 'PAY_FAIL', a);
    return poll(move(p.paymentId, 'PENDING', ids(a), a), o === 'UNKNOWN');
  }

  /**
   * `payUnanswered`: the pay call got no usable answer. Then "order does not exist" means it
   * never arrived (payments.md §6.3): the engine goes on to the (safe) cancel by merchant order
   * no. instead of asking about an order that is not there until the window closes; the
   * reconciler looks once more minutes later, in case the request arrives after all.
   */
  async function poll(p: Payment, payUnanswered = false): Promise<Payment> {
    const created = Date.parse(p.createdAt);
    const deadline = created + s.windowMs;
    // Resumed after a restart: the schedule counts from creation, not from now.
    for (let k = 0; !cancelRequested.has(p.paymentId); k++) {
      while (nextQueryAt(s, created, k + 1) <= clock.now()) k++;
      const at = Math.max(nextQueryAt(s, created, k), clock.now());
      if (at >= deadline) break;
      await wait(p.paymentId, at - clock.now());
      if (cancelRequested.has(p.paymentId)) break;
      const elsewhere = endedElsewhere(p.paymentId);
      if (elsewhere) return elsewhere;
      move(p.paymentId, 'QUERYING');
      const a = await query(p);
      const settledMeanwhile = endedElsewhere(p.paymentId);
      if (settledMeanwhile) return settledMeanwhile;
      const o = outcome(p, a);
      if (o === 'PAID') return paid(p, a);
      if (o === 'FAILED' || o === 'CANCELED') {
        return wasCharged(p, a)
          ? reversed(p, 'REVERSED', a)
          : ended(p, 'FAILED', a.errorCode ?? 'PAY_FAIL', a);
      }
      if (o === 'REFUNDED') return reversed(p, 'REVERSED', a);
      move(p.paymentId, 'PENDING', ids(a), a);
      if (o === 'NOT_FOUND' && payUnanswered) return reverse(p, true);
    }
    return reverse(p);
  }

  /**
   * Cancel right after the last query; confirm by query; a cancel never confirmed is a
   * supervisor's case. `neverArrived`: the pay call got no answer and the acquirer has no such
   * order — a cancel that says the same needs no third look now (the reconciler's comes later).
   */
  async function reverse(p: Payment, neverArrived = false): Promise<Payment> {
    const reason = cancelRequested.has(p.paymentId) ? 'CANCELED_BY_CASHIER' : 'REVERSED';
    const notBefore = Date.parse(p.createdAt) + s.reverseNotBeforeMs;
    if (clock.now() < notBefore) await clock.sleep(notBefore - clock.now());
    const elsewhere = endedElsewhere(p.paymentId);
    if (elsewhere) return elsewhere;
    move(p.paymentId, 'REVERSING');
    for (let attempt = 1; attempt <= s.reverseAttempts; attempt++) {
      const a = await gateway.cancel({ clientSn: p.merchantOrderNo });
      deps.trace?.(p.paymentId, `cancel#${attempt}`, a);
      // FAILED from a cancel: the acquirer already closed the order (abandoned, revoked).
      if (a.outcome === 'NOT_FOUND' && neverArrived) return reversed(p, reason, a);
      if (['CANCELED', 'NOT_FOUND', 'REFUNDED', 'FAILED'].includes(a.outcome)) {
        const check = await query(p, 'check');
        // The customer paid in the last instant and the cancel missed it: kept as PAID, not dropped.
        if (outcome(p, check) === 'PAID') return paid(p, check);
        if (check.outcome !== 'UNKNOWN') {
          // The acquirer found the order and it is closed for good (REVOKED, CANCELED,
          // TRADE_CLOSED can never be paid, WX-REV): nothing for the reconciler's second look.
          // "Not found" is looked at again minutes later: a pay request may still arrive.
          if (['CANCELED', 'FAILED', 'REFUNDED'].includes(check.outcome))
            repos.payments.markChecked(p.paymentId, iso(clock.now()));
          return reversed(p, reason, a, check);
        }
      } else if (outcome(p, a) === 'PAID') {
        return paid(p, a);
      } else if (CANCEL_RACE.has(a.errorCode ?? '')) {
        // The cancel met the customer's payment completing (WeChat: still in the password
        // dialog; upay: the abort failed). Ask before cancelling again, which would refund it —
        // as soon as the rate limit allows (the query gate waits for it): a payment that beat
        // the cancel is known within seconds.
        const check = await query(p, 'check');
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

  /** A supervisor case tried again: ask first (it may have been paid), then reverse. */
  async function retryCase(p: Payment): Promise<Payment> {
    const a = await query(p, 'case');
    if (outcome(p, a) === 'PAID') return paid(p, a);
    const now = repos.payments.get(p.paymentId);
    if (now?.state !== 'NEEDS_MANUAL') return now ?? p;
    return reverse(now);
  }

  return {
    move,
    persist,
    emit,
    paid,
    paidOnce,
    ended,
    settle,
    submit,
    resume,
    retryCase,
    outcome,
    wasCharged,
    query,
    gate,
    requestCancel: (id: string) => cancelRequested.add(id),
    forget: (id: string) => {
      cancelRequested.delete(id);
    },
  };
}
export type Flow = ReturnType<typeof createFlow>;
