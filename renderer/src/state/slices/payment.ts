import type { StateCreator } from 'zustand';
import type { Input, TillApi } from '../../../../shared/contract';
import { FINAL_PAYMENT_STATES, type Payment, type PaymentState } from '../../../../shared/domain';
import { dueOf } from '../tender';
import type { All, PaymentSlice } from '../types';

export const isFinal = (p: Payment | null): boolean =>
  p !== null && FINAL_PAYMENT_STATES.includes(p.state);

/** While the customer may still pay, the cashier may cancel (the host then reverses). */
export const CANCELABLE: readonly PaymentState[] = ['NEW', 'SUBMITTING', 'PENDING', 'QUERYING'];

/** An answer or event that is older than what we show must not move the screen backwards. */
function isStale(current: Payment | null, incoming: Payment): boolean {
  if (!current || current.paymentId !== incoming.paymentId) return false;
  if (isFinal(current) && !isFinal(incoming)) return true;
  return incoming.updatedAt < current.updatedAt;
}

export const createPaymentSlice =
  (api: TillApi): StateCreator<All, [], [], PaymentSlice> =>
  (set, get) => {
    const routed = new Set<string>();
    /**
     * PAID → Done when nothing is left to pay; after part of a split tender → back to checkout,
     * which shows what is still due. Anything else → the live status screen.
     */
    const route = async () => {
      const p = get().payment;
      // The recovery wizard drives its own steps (a sync that settles the payment on screen
      // leads to the printer checks there, not to Done).
      if (!p || get().screen === 'recovery') return;
      if (p.state !== 'PAID') {
        if (get().screen !== 'status') set({ screen: 'status' });
        return;
      }
      if (routed.has(p.paymentId)) return;
      routed.add(p.paymentId);
      const known = get().tenderOrderId === p.orderId ? get().orderPayments : [];
      const fallback = get().sale?.orderId === p.orderId ? get().sale : null;
      const due =
        (await get().refreshOrder(p.orderId)) ??
        (fallback ? dueOf(fallback, [...known.filter((k) => k.paymentId !== p.paymentId), p]) : 0);
      if (get().payment?.paymentId !== p.paymentId) return; // the cashier moved on meanwhile
      if (due > 0) {
        set({ payment: null, screen: 'checkout' });
        await get().loadSale();
      } else if (get().screen !== 'done') {
        set({ screen: 'done' });
        await Promise.all([get().loadReceipt(), get().loadDrawer()]);
      }
    };
    const start = async (input: Input<'pay.start'>): Promise<boolean> => {
      if (get().busy) return false;
      set({ busy: true });
      const r = await api['pay.start'](input);
      set({ busy: false });
      if (!r.ok) {
        set({ error: r.error });
        return false;
      }
      const prev = get().payment;
      const keepPrev = prev !== null && isStale(prev, r.value); // an event already told us more
      set({
        error: null,
        receipt: null,
        printJob: null,
        drawer: null,
        canceling: null,
        payment: keepPrev ? prev : r.value,
      });
      await route();
      return true;
    };
    return {
      payment: null,
      busy: false,
      canceling: null,
      startWallet: (authCode) => start({ kind: 'wallet', authCode: authCode.trim() }),
      startCash: (receivedFen, partial = false) =>
        start(partial ? { kind: 'cash', receivedFen, partial } : { kind: 'cash', receivedFen }),
      async cancelPayment() {
        const p = get().payment;
        if (!p || !CANCELABLE.includes(p.state) || get().canceling === p.paymentId) return;
        set({ canceling: p.paymentId });
        const r = await api['pay.cancel']({ paymentId: p.paymentId });
        if (!r.ok) return set({ error: r.error, canceling: null });
        get().applyPayment(r.value);
      },
      async pollPayment() {
        const current = get().payment;
        if (!current || isFinal(current)) return;
        const r = await api['pay.status']({ paymentId: current.paymentId });
        if (r.ok) get().applyPayment(r.value);
        else set({ error: r.error });
      },
      async resumePayment(orderId) {
        await get().refreshOrder(orderId);
        const open = get().orderPayments.find((p) => !isFinal(p));
        if (!open || get().payment) return; // only part paid: checkout shows what is due
        set({ payment: open });
        await route();
      },
      applyPayment(payment) {
        const current = get().payment;
        // Only news about the attempt on screen; with none on screen, only about this sale.
        if (
          current
            ? current.paymentId !== payment.paymentId
            : payment.orderId !== get().sale?.orderId || routed.has(payment.paymentId)
        )
          return; // (a part of a split tender already counted is not news either)
        if (isStale(current, payment)) return;
        set({ payment });
        if (payment.state === 'PAID' && current?.state !== 'PAID') void route();
      },
    };
  };
