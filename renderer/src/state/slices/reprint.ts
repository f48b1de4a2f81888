import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import { newer } from '../printing';
import type { All, ReprintSlice } from '../types';

/** The supervisor's 重打印 of the order on screen, and the print state of its latest job. */
export const createReprintSlice =
  (api: TillApi): StateCreator<All, [], [], ReprintSlice> =>
  (set, get) => ({
    lookupJob: null,
    reprintBusy: false,
    async reprint() {
      const orderId = get().lookup?.sale.orderId;
      if (!orderId || !get().lookup?.receipt || get().reprintBusy) return;
      set({ reprintBusy: true });
      const r = await api['receipt.reprint']({ orderId });
      set({ reprintBusy: false });
      if (!r.ok) set({ error: r.error });
      else get().applyLookupJob(r.value);
    },
    applyLookupJob(job) {
      if (!job.orderId || get().lookup?.sale.orderId !== job.orderId) return;
      set({ lookupJob: newer(get().lookupJob, job) });
    },
  });
