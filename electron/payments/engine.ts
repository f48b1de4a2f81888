import { classifyPaymentCode, maskPaymentCode } from '../../shared/codes';
import type { Payment, PaymentState, Sale } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import type { EventBus } from '../api/events';
import type { GatewayAnswer, PaymentGateway } from '../gateway/types';
import type { Repos } from '../store';
import type { PaymentPatch } from '../store/payments';
import { iso, type Clock } from '../services/clock';
import { newId, newMerchantOrderNo } from '../services/ids';
import { reasonText } from './reasons';
import { UPAY_SCHEDULE, type PollSchedule } from './schedule';

export interface EngineDeps {
  repos: Pick<Repos, 'payments' | 'sales' | 'audit'>;
  gateway: PaymentGateway;
  clock: Clock;
  events: EventBus;
  cashier: string;
  tillNo: string;
  storeName: string;
  schedule?: PollSchedule;
  /** Called once a payment is PAID and its order marked PAID (receipt, print). */
  onPaid: (payment: Payment) => void;
  onError?: (err: unknown) => void;
}

/**
 * The payment state machine (DESIGN.md): every transition is persisted before the next network
 * call, uncertain answers go to PENDING (never FAILED), and PENDING ends in a query result or a
 * reversal — never in silence.
 */
export function createPaymentEngine(deps: EngineDeps) {
  const { repos, gateway, clock, events } = deps;
  const schedule = deps.schedule ?? UPAY_SCHEDULE;
  const running = new Set<string>();

  const move = (
    id: string,
    to: PaymentState,
    patch: PaymentPatch = {},
    detail?: unknown,
  ): Payment => {
    const p = repos.payments.transition(id, to, iso(clock.now()), patch, detail);
    events.emit('payment.updated', p);
    return p;
  };
  const ids = (a: GatewayAnswer): PaymentPatch => ({
    ...(a.sn ? { platformOrderNo: a.sn } : {}),
    ...(a.tradeNo ? { thirdPartyOrderNo: a.tradeNo } : {}),
  });
  const paid = (p: Payment, a: GatewayAnswer): Payment => {
    const done = move(p.paymentId, 'PAID', { ...ids(a), reasonCode: null, reasonText: null }, a);
    repos.sales.setStatus(p.orderId, 'PAID', iso(clock.now()));
    deps.onPaid(done);
    return done;
  };
  const failed = (
    p: Payment,
    to: 'FAILED' | 'REVERSED' | 'NEEDS_MANUAL',
    code: string,
    a?: GatewayAnswer,
  ) => {
    const done = move(
      p.paymentId,
      to,
      { ...(a ? ids(a) : {}), reasonCode: code, reasonText: reasonText(code, a?.errorMessage) },
      a,
    );
    // The goods were not paid for: the cart opens again for a new attempt (new merchant order no.).
    if (to !== 'NEEDS_MANUAL') repos.sales.setStatus(p.orderId, 'OPEN', iso(clock.now()));
    return done;
  };

  async function settle(p: Payment, a: GatewayAnswer): Promise<Payment> {
    if (a.outcome === 'PAID') return paid(p, a);
    if (a.outcome === 'FAILED' || a.outcome === 'CANCELED')
      return failed(p, 'FAILED', a.errorCode ?? 'PAY_FAIL', a);
    return poll(move(p.paymentId, 'PENDING', ids(a), a));
  }

  async function poll(p: Payment): Promise<Payment> {
    const deadline = Date.parse(p.createdAt) + schedule.windowMs;
    let wait = schedule.firstQueryMs;
    while (clock.now() + wait < deadline) {
      await clock.sleep(wait);
      wait = schedule.intervalMs;
      move(p.paymentId, 'QUERYING');
      const a = await gateway.query({ clientSn: p.merchantOrderNo });
      if (a.outcome === 'PAID') return paid(p, a);
      if (a.outcome === 'FAILED' || a.outcome === 'CANCELED')
        return failed(p, 'FAILED', a.errorCode ?? 'PAY_FAIL', a);
      move(p.paymentId, 'PENDING', ids(a), a);
    }
    return reverse(p, 'REVERSED');
  }

  /** Cancel right after the last query; a cancel that cannot be confirmed is a supervisor's case. */
  async function reverse(p: Payment, reason: string): Promise<Payment> {
    move(p.paymentId, 'REVERSING');
    for (let attempt = 1; attempt <= schedule.reverseAttempts; attempt++) {
      const a = await gateway.cancel({ clientSn: p.merchantOrderNo });
      if (a.outcome === 'CANCELED' || a.outcome === 'NOT_FOUND') {
        // Confirm by query: a customer who paid in the last instant is kept as PAID, not dropped.
        const check = await gateway.query({ clientSn: p.merchantOrderNo });
        if (check.outcome === 'PAID') return paid(p, check);
        return failed(p, 'REVERSED', reason, a);
      }
      if (a.outcome === 'PAID') return paid(p, a);
      if (a.outcome === 'FAILED') return failed(p, 'FAILED', a.errorCode ?? 'PAY_FAIL', a);
      await clock.sleep(schedule.reverseIntervalMs);
    }
    return failed(p, 'NEEDS_MANUAL', 'NEEDS_MANUAL');
  }

  function launch(id: string, work: () => Promise<Payment>): void {
    if (running.has(id)) return;
    running.add(id);
    work()
      .catch((err: unknown) => deps.onError?.(err))
      .finally(() => running.delete(id));
  }

  return {
    /** Writes the merchant order no. first, then calls the gateway in the background. */
    startWallet(sale: Sale, authCode: string): Payment {
      const channel = classifyPaymentCode(authCode.trim());
      if (!channel) throw new TillError('BAD_PAYMENT_CODE', 'authCode');
      if (sale.status !== 'OPEN') throw new TillError('SALE_LOCKED');
      if (sale.totalFen <= 0) throw new TillError('EMPTY_CART');
      const at = clock.now();
      const id = newId('pay');
      repos.payments.insert({
        id,
        orderId: sale.orderId,
        method: channel,
        merchantOrderNo: newMerchantOrderNo(at, deps.tillNo),
        amountFen: sale.totalFen,
        authCodeMasked: maskPaymentCode(authCode),
        state: 'NEW',
        at: iso(at),
      });
      repos.sales.setStatus(sale.orderId, 'PAYING', iso(at));
      const p = move(id, 'SUBMITTING', { deadlineAt: iso(at + schedule.windowMs) });
      launch(id, async () =>
        settle(
          p,
          await gateway.pay({
            clientSn: p.merchantOrderNo,
            amountFen: p.amountFen,
            authCode: authCode.trim(),
            subject: `${deps.storeName} ${sale.itemCount}件商品`,
            operator: deps.cashier,
          }),
        ),
      );
      return p;
    },

    /** Cash is final at once: the change is computed here, never in the UI. */
    startCash(sale: Sale, receivedFen: number): Payment {
      if (sale.status !== 'OPEN') throw new TillError('SALE_LOCKED');
      if (sale.totalFen <= 0) throw new TillError('EMPTY_CART');
      if (receivedFen < sale.totalFen) throw new TillError('CASH_TOO_LITTLE', 'receivedFen');
      const at = clock.now();
      const id = newId('pay');
      repos.payments.insert({
        id,
        orderId: sale.orderId,
        method: 'CASH',
        merchantOrderNo: newMerchantOrderNo(at, deps.tillNo),
        amountFen: sale.totalFen,
        receivedFen,
        changeFen: receivedFen - sale.totalFen,
        state: 'NEW',
        at: iso(at),
      });
      return paid(repos.payments.get(id) as Payment, { outcome: 'PAID' });
    },

    /** After a restart: every unfinished payment is driven to an end again. */
    resumeAll(): number {
      const open = repos.payments.unfinished();
      for (const p of open) {
        launch(p.paymentId, () => (p.state === 'REVERSING' ? reverse(p, 'REVERSED') : poll(p)));
      }
      return open.length;
    },

    get: (id: string): Payment | null => repos.payments.get(id),
    busy: (): number => running.size,
  };
}
export type PaymentEngine = ReturnType<typeof createPaymentEngine>;
