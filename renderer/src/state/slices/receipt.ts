import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import type { PrintJob } from '../../../../shared/domain';
import type { All, ReceiptSlice } from '../types';
import { isFinal } from './payment';

const RANK: Record<PrintJob['state'], number> = { QUEUED: 0, SENDING: 1, PRINTED: 2, FAILED: 2 };

/** Events and polled receipts race; keep whichever says more about the same job. */
const newer = (current: PrintJob | null, incoming: PrintJob | null): PrintJob | null => {
  if (!incoming) return current;
  if (!current || current.jobId !== incoming.jobId) return incoming;
  if (incoming.updatedAt !== current.updatedAt) {
    return incoming.updatedAt > current.updatedAt ? incoming : current;
  }
  return RANK[incoming.state] >= RANK[current.state] ? incoming : current;
};

export const createReceiptSlice =
  (api: TillApi): StateCreator<All, [], [], ReceiptSlice> =>
  (set, get) => ({
    screen: 'checkout',
    receipt: null,
    printJob: null,
    goTo(screen) {
      const { payment, screen: from } = get();
      // A payment whose outcome is still open is never just "forgotten" by leaving its screen.
      if (from === 'status' && payment && !isFinal(payment) && screen !== 'done') return;
      set({ screen, error: null });
    },
    async loadReceipt() {
      const orderId = get().payment?.orderId;
      if (!orderId) return;
      const r = await api['receipt.get']({ orderId });
      if (get().payment?.orderId !== orderId) return; // the cashier moved on meanwhile
      if (r.ok) {
        set({ receipt: r.value, printJob: newer(get().printJob, r.value.printJob) });
      } else if (r.error.code !== 'NOT_FOUND') {
        set({ error: r.error }); // NOT_FOUND only means "not written yet": the bridge asks again
      }
    },
    applyPrintJob(job) {
      const orderId = get().payment?.orderId;
      if (!orderId || job.orderId !== orderId) return;
      set({ printJob: newer(get().printJob, job) });
      if (!get().receipt) void get().loadReceipt();
    },
    async newSale() {
      set({
        payment: null,
        canceling: null,
        receipt: null,
        printJob: null,
        selected: null,
        error: null,
        tenderOrderId: null,
        orderPayments: [],
      });
      set({ screen: 'checkout' });
      await get().loadSale();
    },
  });
