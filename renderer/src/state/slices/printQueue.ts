import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import type { All, PrintQueueSlice } from '../types';

/** Header: the printer's state and receipts owed. Technician: the queue, retry and cancel. */
export const createPrintQueueSlice =
  (api: TillApi): StateCreator<All, [], [], PrintQueueSlice> =>
  (set, get) => ({
    printSummary: null,
    queueJobs: null,
    queueBusy: null,
    async loadSummary() {
      const r = await api['print.summary']({});
      if (r.ok) set({ printSummary: r.value });
    },
    applySummary(summary) {
      set({ printSummary: summary });
    },
    async loadQueue() {
      const r = await api['print.queue']({});
      if (r.ok) set({ queueJobs: r.value.jobs, printSummary: r.value.summary });
      else set({ error: r.error });
    },
    applyQueueJob(job) {
      const jobs = get().queueJobs;
      if (!jobs) return;
      const at = jobs.findIndex((j) => j.jobId === job.jobId);
      if (at < 0) set({ queueJobs: [...jobs, job] });
      else if (jobs[at]!.updatedAt <= job.updatedAt)
        set({ queueJobs: jobs.map((j, i) => (i === at ? job : j)) });
    },
    async retryJob(jobId) {
      if (get().queueBusy) return;
      set({ queueBusy: jobId });
      const r = await api['print.retry']({ jobId });
      set({ queueBusy: null });
      if (!r.ok) set({ error: r.error });
      await get().loadQueue();
    },
    async cancelJob(jobId, reason) {
      if (get().queueBusy) return false;
      set({ queueBusy: jobId });
      const r = await api['print.cancel']({ jobId, reason });
      set({ queueBusy: null });
      if (!r.ok) {
        set({ error: r.error });
        return false;
      }
      get().applyQueueJob(r.value);
      await get().loadQueue();
      return true;
    },
  });
