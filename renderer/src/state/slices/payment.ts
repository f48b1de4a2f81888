import type { StateCreator } from 'zustand';
import type { Input, TillApi } from '../../../../shared/contract';
import { FINAL_PAYMENT_STATES, type Payment } from '../../../../shared/domain';
import type { All, PaymentSlice } from '../types';

export const isFinal = (p: Payment | null): boolean =>
  p !== null && FINAL_PAYMENT_STATES.includes(p.state);

/** An answer or event that is older than what we show must not move the screen backwards. */
function isStale(current: Payment | null, incoming: Payment): boolean {
  if (!current || current.paymentId !== incoming.paymentId) return false;
  if (isFinal(current) && !isFinal(incoming)) return true;
  return incoming.updatedAt < current.updatedAt;
}

export const createPaymentSlice =
  (api: TillApi): StateCreator<All, [], [], PaymentSlice> =>
  (set, get) => {
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
      set({ error: null, receipt: null, printJob: null, payment: keepPrev ? prev : r.value });
      route();
      return true;
    };
    /** PAID → Done (and fetch the receipt); anything else → the live status screen. */
    const route = () => {
      const p = get().payment;
      if (!p) return;
      if (p.state === 'PAID') {
        if (get().screen !== 'done') {
          set({ screen: 'done' });
          void get().loadReceipt();
        }
      } else if (get().screen !== 'status') {
        set({ screen: 'status' });
      }
    };
    return {
      payment: null,
      busy: false,
      startWallet: (authCode) => start({ kind: 'wallet', authCode: authCode.trim() }),
      startCash: (receivedFen) => start({ kind: 'cash', receivedFen }),
      async pollPayment() {
        const current = get().payment;
        if (!current || isFinal(current)) return;
        const r = await api['pay.status']({ paymentId: current.paymentId });
        if (r.ok) get().applyPayment(r.value);
        else set({ error: r.error });
      },
      async resumePayment(orderId) {
        const r = await api['order.get']({ orderId });
        if (!r.ok) return set({ error: r.error });
        const last = r.value.payments.at(-1);
        if (!last || get().payment) return;
        set({ payment: last });
        route();
      },
      applyPayment(payment) {
        const current = get().payment;
        // Only news about the attempt on screen; with none on screen, only about this sale.
        if (
          current
            ? current.paymentId !== payment.paymentId
            : payment.orderId !== get().sale?.orderId
        )
          return;
        if (isStale(current, payment)) return;
        set({ payment });
        if (payment.state === 'PAID' && current?.state !== 'PAID') route();
      },
    };
  };
