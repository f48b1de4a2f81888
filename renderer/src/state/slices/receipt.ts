import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import { isFailed, newer, willResume } from '../printing';
import type { All, ReceiptSlice } from '../types';
import { isFinal } from './payment';

export const createReceiptSlice =
  (api: TillApi): StateCreator<All, [], [], ReceiptSlice> =>
  (set, get) => ({
    screen: 'checkout',
    receipt: null,
    printJob: null,
    retrying: false,
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
      // The Done screen follows the sale's original receipt, never a reprint's job.
      if (!orderId || job.orderId !== orderId || job.kind !== 'receipt') return;
      set({ printJob: newer(get().printJob, job) });
      if (!get().receipt) void get().loadReceipt();
    },
    async retryPrint() {
      const job = get().printJob;
      // Only a failure that may have printed is the cashier's call; the host resends the others.
      if (!isFailed(job) || willResume(job) || get().retrying) return;
      set({ retrying: true });
      const r = await api['print.retry']({ jobId: job.jobId });
      set({ retrying: false });
      if (!r.ok) set({ error: r.error });
      else if (get().printJob?.jobId === job.jobId)
        set({ printJob: newer(get().printJob, r.value) });
    },
    async newSale() {
      set({
        // The sale on screen is done (paid or parked): never shown again while the next loads.
        sale: null,
        retrying: false,
        drawer: null,
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
