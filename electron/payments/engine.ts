import { classifyPaymentCode, maskPaymentCode } from '../../shared/codes';
import type { Payment, PaymentMethod, Sale } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import type { EventBus } from '../api/events';
import type { GatewayAnswer, PaymentGateway } from '../gateway/types';
import type { Repos } from '../store';
import { iso, type Clock } from '../services/clock';
import { newId, newMerchantOrderNo } from '../services/ids';
import { createFlow } from './flow';
import { dueFen, isFinal, settleOrder } from './tender';

export interface EngineDeps {
  repos: Pick<Repos, 'db' | 'payments' | 'sales' | 'audit' | 'cases'>;
  gateway: PaymentGateway;
  clock: Clock;
  events: EventBus;
  /** 工号 of the signed-in user taking the payment (the order and the audit name them). */
  actor: () => string;
  /**
   * The open shift the money goes into; throws (NO_SHIFT, SHIFT_CLOSING) when no payment may
   * start. Left out by rigs that test the engine alone.
   */
  shift?: () => string;
  tillNo: string;
  storeName: string;
  /** The order is fully paid (receipt, print). */
  onOrderPaid: (orderId: string) => void;
  /** Cash was taken (PAID, committed): open the drawer, before the receipt. */
  onCashTaken?: (payment: Payment) => void;
  /** A payment succeeded on an already paid order (refund it). */
  onOverpaid?: (payment: Payment) => void;
  onError?: (err: unknown) => void;
  trace?: (paymentId: string, step: string, answer: GatewayAnswer) => void;
}

/** Starts payments and keeps every unfinished one running until it ends (see flow.ts). */
export function createPaymentEngine(deps: EngineDeps) {
  const { repos, gateway, clock } = deps;
  const flow = createFlow({
    ...deps,
    onOverpaid: deps.onOverpaid ?? (() => undefined),
  });
  const running = new Map<string, Promise<Payment>>();

  function launch(id: string, work: () => Promise<Payment>): void {
    if (running.has(id)) return;
    const job = work()
      .catch((err: unknown) => {
        deps.onError?.(err);
        return repos.payments.get(id) as Payment;
      })
      .finally(() => {
        running.delete(id);
        flow.forget(id);
      });
    running.set(id, job);
  }

  /** Checks common to every tender; returns the amount this payment takes and its shift. */
  function admit(
    sale: Sale,
    wanted: number | undefined,
  ): { amount: number; shiftId: string | null } {
    if (sale.totalFen <= 0) throw new TillError('EMPTY_CART');
    const shiftId = deps.shift ? deps.shift() : null;
    if (repos.payments.byOrder(sale.orderId).some((p) => !isFinal(p))) {
      throw new TillError('SALE_LOCKED');
    }
    const due = dueFen(repos, sale.orderId);
    if (due <= 0 || sale.status === 'PAID' || sale.status === 'VOID')
      throw new TillError('SALE_LOCKED');
    if (wanted !== undefined && (wanted <= 0 || wanted > due))
      throw new TillError('BAD_REQUEST', 'amountFen');
    return { amount: wanted ?? due, shiftId };
  }

  /** The payment, the order's cashier (who took the money) and the audit row commit together. */
  function insert(
    sale: Sale,
    method: PaymentMethod,
    admitted: { amount: number; shiftId: string | null },
    extra: Record<string, unknown> = {},
  ) {
    const at = clock.now();
    const id = newId('pay');
    const merchantOrderNo = newMerchantOrderNo(at, deps.tillNo);
    const actor = deps.actor();
    repos.db.transaction(() => {
      repos.payments.insert({
        id,
        orderId: sale.orderId,
        method,
        merchantOrderNo,
        amountFen: admitted.amount,
        state: 'NEW',
        at: iso(at),
        shiftId: admitted.shiftId,
        ...extra,
      });
      if (actor !== 'system') repos.sales.setCashier(sale.orderId, actor);
      repos.audit.record(iso(at), actor, 'pay.start', id, {
        orderId: sale.orderId,
        method,
        amountFen: admitted.amount,
        merchantOrderNo,
      });
    })();
    return { id, at };
  }

  return {
    /** The merchant order no. is stored (NEW, then SUBMITTING) before the gateway is called. */
    startWallet(sale: Sale, authCode: string, amountFen?: number): Payment {
      const code = authCode.trim();
      const channel = classifyPaymentCode(code);
      if (!channel) throw new TillError('BAD_PAYMENT_CODE', 'authCode');
      const admitted = admit(sale, amountFen);
      const amount = admitted.amount;
      // NEW, SUBMITTING and the locked cart commit together, before the gateway is called.
      const p = repos.db.transaction(() => {
        const { id, at } = insert(sale, channel, admitted, {
          authCodeMasked: maskPaymentCode(code),
        });
        const p = flow.persist(id, 'SUBMITTING', {
          deadlineAt: iso(at + gateway.schedule.windowMs),
        });
        settleOrder(repos, sale.orderId, iso(at));
        return p;
      })();
      flow.emit(p);
      const subject = `${deps.storeName} ${sale.itemCount}件商品`;
      launch(p.paymentId, () =>
        flow.submit(p, {
          clientSn: p.merchantOrderNo,
          amountFen: amount,
          authCode: code,
          subject,
          operator: deps.actor(),
        }),
      );
      return p;
    },

    /** Cash is final at once. With `partial`, less than is due is taken (split tender). */
    startCash(sale: Sale, receivedFen: number, partial = false): Payment {
      const admitted = admit(sale, undefined);
      const due = admitted.amount;
      if (receivedFen <= 0 || (!partial && receivedFen < due))
        throw new TillError('CASH_TOO_LITTLE', 'receivedFen');
      const amount = Math.min(receivedFen, due);
      // One transaction: a failed write (full disk) leaves no half-made payment blocking the sale.
      const { done, status } = repos.db.transaction(() => {
        const { id, at } = insert(
          sale,
          'CASH',
          { ...admitted, amount },
          { receivedFen, changeFen: receivedFen - amount },
        );
        const done = flow.persist(id, 'PAID', {}, { outcome: 'PAID' });
        repos.audit.record(iso(at), deps.actor(), 'pay.end', id, {
          orderId: sale.orderId,
          method: 'CASH',
          amountFen: amount,
          state: 'PAID',
          reasonCode: null,
        });
        return { done, status: settleOrder(repos, sale.orderId, iso(at)) };
      })();
      flow.emit(done);
      // Same tick as the commit: the drawer's turn at the printer comes before the receipt's.
      deps.onCashTaken?.(done);
      if (status === 'PAID') deps.onOrderPaid(sale.orderId);
      return done;
    },

    /** The cashier's cancel: never "forget" — it stops waiting and reverses, confirmed by query. */
    cancel(paymentId: string): Payment {
      const p = repos.payments.get(paymentId);
      if (!p) throw new TillError('NOT_FOUND', 'paymentId');
      if (['PAID', 'FAILED', 'REVERSED', 'NEEDS_MANUAL'].includes(p.state)) return p;
      flow.requestCancel(paymentId);
      repos.audit.record(iso(clock.now()), deps.actor(), 'payment.cancel', paymentId);
      return p;
    },

    /** After a restart: every unfinished payment is driven to an end again. */
    resumeAll(): number {
      const open = repos.payments.unfinished().filter((p) => p.state !== 'NEEDS_MANUAL');
      for (const p of open) launch(p.paymentId, () => flow.resume(p));
      return open.length;
    },

    /**
     * Supervisor cases (a cancel that was never confirmed): ask again — the customer may have
     * been charged after all, and is then kept as PAID — and otherwise try the cancel again.
     */
    retryManual(): number {
      const manual = repos.payments.unfinished().filter((p) => p.state === 'NEEDS_MANUAL');
      for (const p of manual) launch(p.paymentId, () => flow.retryCase(p));
      return manual.length;
    },
    /** Is the engine driving this payment right now (a sync must not race its reversal)? */
    running: (id: string): boolean => running.has(id),

    get: (id: string): Payment | null => repos.payments.get(id),
    busy: (): number => running.size,
    /** Resolves when every running payment has ended (shutdown, tests). */
    settled: (): Promise<unknown> => Promise.all(running.values()),
    flow,
  };
}
export type PaymentEngine = ReturnType<typeof createPaymentEngine>;
