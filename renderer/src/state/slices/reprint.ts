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
      const r = await get().withApproval('reprint', (approval) =>
        api['receipt.reprint']({ orderId, ...(approval ? { approval } : {}) }),
      );
      set({ reprintBusy: false });
      if (!r.ok) set({ error: r.error });
      else get().applyLookupJob(r.value);
    },
    applyLookupJob(job) {
      const refund = get().refund;
      if (refund?.slipJob?.jobId === job.jobId)
        set({ refund: { ...refund, slipJob: newer(refund.slipJob, job) } });
      if (!job.orderId || get().lookup?.sale.orderId !== job.orderId) return;
      set({ lookupJob: newer(get().lookupJob, job) });
    },
  });
