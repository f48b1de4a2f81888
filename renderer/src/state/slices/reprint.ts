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
    lastReprint: null,
    async reprint() {
      const orderId = get().lookup?.sale.orderId;
      if (!orderId || !get().lookup?.receipt || get().reprintBusy) return;
      set({ reprintBusy: true });
      const r = await get().withApproval('reprint', (approval) =>
        api['receipt.reprint']({ orderId, ...(approval ? { approval } : {}) }),
      );
      set({ reprintBusy: false });
      if (!r.ok) set({ error: r.error });
      else {
        set({ lastReprint: r.value });
        get().applyLookupJob(r.value.job);
      }
    },
    applyLookupJob(job) {
      const refund = get().refund;
      if (refund?.slipJob?.jobId === job.jobId)
        set({ refund: { ...refund, slipJob: newer(refund.slipJob, job) } });
      // A slip (no order of its own) can print before the refund's answer names it: kept until
      // then, or the dialog would wait on 排队等待打印 for a slip already printed.
      else if (refund?.busy && !refund.slipJob && job.kind === 'refund-slip')
        set({ refund: { ...refund, slipJob: job } });
      const lookup = get().lookup;
      if (!job.orderId || lookup?.sale.orderId !== job.orderId) return;
      set({ lookupJob: newer(get().lookupJob, job) });
      const receipt = lookup.receipt;
      if (!receipt) return;
      // The order shows every job (the original and each reprint), each in its latest state.
      const known = receipt.jobs.some((j) => j.jobId === job.jobId);
      const jobs = known
        ? receipt.jobs.map((j) => (j.jobId === job.jobId ? (newer(j, job) ?? j) : j))
        : [...receipt.jobs, job];
      const printJob = job.kind === 'receipt' ? newer(receipt.printJob, job) : receipt.printJob;
      set({ lookup: { ...lookup, receipt: { ...receipt, jobs, printJob } } });
    },
  });
