import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import type { Result } from '../../../../shared/result';
import { newer } from '../printing';
import type { All, ShiftSlice } from '../types';

/** 交接班 and its reports; every report printed is also shown on screen. */
export const createShiftSlice =
  (api: TillApi): StateCreator<All, [], [], ShiftSlice> =>
  (set, get) => {
    const busy = async <T>(run: () => Promise<Result<T>>): Promise<Result<T> | null> => {
      if (get().shiftBusy) return null;
      set({ shiftBusy: true });
      try {
        const r = await run();
        if (!r.ok) set({ error: r.error });
        else set({ error: null });
        return r;
      } finally {
        set({ shiftBusy: false });
      }
    };
    const printed = (r: Result<ShiftSlice['report'] & object> | null) => {
      if (r?.ok) {
        set({ report: r.value });
        void get().loadReports();
      }
      return r?.ok ?? false;
    };
    return {
      shift: null,
      shiftLoaded: false,
      shiftBusy: false,
      report: null,
      reports: [],
      drawerOpenedAt: null,
      async loadShift(first = false) {
        const who = get().session?.user?.userId;
        const r = await api['shift.current']({});
        const shift = r.ok ? r.value.shift : get().shift;
        // After a sign-in the first screen comes with the shift, in one change: no screen shows
        // (or takes a key) in between that the next moment replaces.
        const screen =
          first && get().session?.user?.userId === who
            ? { screen: shift ? ('checkout' as const) : ('shift' as const) }
            : {};
        if (r.ok) set({ shift, shiftLoaded: true, ...screen });
        else set({ shiftLoaded: true, error: r.error, ...screen });
      },
      async openShift(floatFen) {
        const r = await busy(() => api['shift.open']({ floatFen }));
        if (r?.ok) set({ shift: r.value, screen: 'checkout' });
        return r?.ok ?? false;
      },
      async beginClose() {
        const r = await busy(() => api['shift.beginClose']({}));
        if (r?.ok) set({ shift: r.value });
      },
      async cancelClose() {
        const r = await busy(() => api['shift.cancelClose']({}));
        if (r?.ok) set({ shift: r.value });
      },
      async closeShift(countedFen, carryOver = false) {
        const r = await busy(() =>
          carryOver
            ? get().withApproval('carryOver', (approval) =>
                api['shift.close']({ countedFen, carryOver, ...(approval ? { approval } : {}) }),
              )
            : api['shift.close']({ countedFen }),
        );
        if (r?.ok) set({ shift: null });
        return printed(r);
      },
      async printX() {
        printed(await busy(() => api['report.x']({})));
      },
      async printDay() {
        printed(
          await busy(() =>
            get().withApproval('dayReport', (approval) =>
              api['report.day']({ ...(approval ? { approval } : {}) }),
            ),
          ),
        );
      },
      async loadReports() {
        const r = await api['report.list']({ limit: 10 });
        if (r.ok) set({ reports: r.value.reports });
      },
      async showReport(reportId) {
        const r = await api['report.get']({ reportId });
        if (r.ok) set({ report: r.value });
        else set({ error: r.error });
      },
      async reprintReport() {
        const id = get().report?.reportId;
        if (id) printed(await busy(() => api['report.reprint']({ reportId: id })));
      },
      applyShift(shift) {
        set({ shift, shiftLoaded: true });
      },
      applyReportJob(job) {
        const r = get().report;
        if (r?.printJob?.jobId === job.jobId)
          set({ report: { ...r, printJob: newer(r.printJob, job) } });
      },
      async noSaleDrawer() {
        const r = await get().withApproval('drawer', (approval) =>
          api['drawer.open']({ ...(approval ? { approval } : {}) }),
        );
        if (!r.ok) set({ error: r.error, drawerOpenedAt: null });
        else if (r.value.ok) set({ error: null, drawerOpenedAt: Date.now() });
        else
          set({
            drawerOpenedAt: null,
            error: {
              code: 'PRINTER',
              message: 'The cash drawer did not open.',
              messageZh: r.value.errorText ?? '钱箱未能打开。',
            },
          });
      },
    };
  };
