import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import type { All, CasesSlice } from '../types';
import { newRequestId } from './supervisor';

/**
 * Supervisor cases (挂起的订单 / 异常单), the count in the header, and an order's timeline.
 * Each resolve of one case reuses one request id, so pressing 退款 twice refunds once.
 */
export const createCasesSlice =
  (
    api: TillApi,
    makeRequestId: () => string = newRequestId,
  ): StateCreator<All, [], [], CasesSlice> =>
  (set, get) => {
    const requestIds = new Map<string, string>();
    const idFor = (caseId: string, action: string): string => {
      const key = `${caseId}:${action}`;
      const id = requestIds.get(key) ?? makeRequestId();
      requestIds.set(key, id);
      return id;
    };
    const refresh = async () => {
      await get().loadCases();
      const c = get().cases.find((x) => x.caseId === get().selectedCase);
      if (c?.orderId) await get().loadTimeline(c.orderId);
    };
    return {
      cases: [],
      openCases: 0,
      casesBusy: false,
      selectedCase: null,
      timeline: null,
      async loadCases() {
        const r = await api['case.list']({});
        if (r.ok) set({ cases: r.value.cases, openCases: r.value.openCount });
        else set({ error: r.error });
      },
      applyCaseCount(openCount) {
        set({ openCases: openCount });
        if (get().screen === 'cases') void get().loadCases();
      },
      async selectCase(caseId) {
        set({ selectedCase: caseId, timeline: null });
        const c = get().cases.find((x) => x.caseId === caseId);
        if (c?.orderId) await get().loadTimeline(c.orderId);
      },
      async syncCase(paymentId) {
        if (get().casesBusy) return;
        set({ casesBusy: true });
        const r = await api['order.sync']({ paymentId });
        set({ casesBusy: false });
        if (!r.ok) set({ error: r.error });
        await refresh();
      },
      async resolveCase(caseId, action) {
        if (get().casesBusy) return;
        set({ casesBusy: true });
        const requestId = idFor(caseId, action);
        const r = await get().withApproval('resolveCase', (approval) =>
          api['case.resolve']({ caseId, action, requestId, ...(approval ? { approval } : {}) }),
        );
        set({ casesBusy: false });
        if (!r.ok) set({ error: r.error });
        else set({ error: null });
        await refresh();
      },
      async loadTimeline(orderId) {
        const r = await api['order.timeline']({ orderId });
        if (r.ok) set({ timeline: r.value });
        else set({ error: r.error });
      },
      async parkSale() {
        const r = await api['sale.park']({});
        if (!r.ok) {
          set({ error: r.error });
          return false;
        }
        await get().newSale();
        await get().loadCases();
        return true;
      },
    };
  };
