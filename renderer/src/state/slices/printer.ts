import type { StateCreator } from 'zustand';
import type { Input, TillApi } from '../../../../shared/contract';
import type { All, PrinterSlice } from '../types';

export type ProfileId = NonNullable<Input<'printer.configure'>['profile']>;
/** The paper profiles printer.configure accepts (the contract's enum). */
export const PROFILE_IDS = ['58mm', '80mm-180dpi', '80mm'] as const satisfies readonly ProfileId[];
export const isProfileId = (id: string): id is ProfileId =>
  (PROFILE_IDS as readonly string[]).includes(id);
export type FontId = NonNullable<Input<'printer.configure'>['font']>;
/** The Chinese fonts a printer may have (the contract's enum). */
export const FONT_IDS = ['GB2312', 'GBK', 'GB18030'] as const satisfies readonly FontId[];
export const isFontId = (id: string): id is FontId => (FONT_IDS as readonly string[]).includes(id);

/** F9: the technician's printer tools. One request of each kind at a time. */
export const createPrinterSlice =
  (api: TillApi): StateCreator<All, [], [], PrinterSlice> =>
  (set, get) => {
    /** Runs one technician action; refusals go to the banner, except printer.configure's. */
    const busyWith = async <T>(
      what: NonNullable<PrinterSlice['techBusy']>,
      run: () => Promise<T>,
    ): Promise<T | null> => {
      if (get().techBusy) return null;
      set({ techBusy: what });
      try {
        return await run();
      } finally {
        set({ techBusy: null });
      }
    };
    return {
      printerInfo: null,
      printerStatus: null,
      printerList: null,
      lastJob: null,
      setupReport: null,
      techBusy: null,
      configError: null,
      testResult: null,
      async openTechnician() {
        set({ configError: null, setupReport: null });
        const r = await api['printer.info']({});
        if (r.ok) set({ printerInfo: r.value });
        else set({ error: r.error });
        await Promise.all([get().refreshStatus(), get().loadLastJob(), get().loadQueue()]);
      },
      async refreshStatus() {
        const r = await api['printer.status']({});
        if (r.ok) set({ printerStatus: r.value });
        else set({ error: r.error });
      },
      async loadLastJob() {
        const r = await api['printer.lastJob']({});
        if (r.ok) set({ lastJob: r.value });
        else set({ error: r.error });
      },
      async findPrinters() {
        await busyWith('list', async () => {
          const r = await api['printer.list']({});
          if (r.ok) set({ printerList: r.value });
          else set({ error: r.error });
        });
      },
      async configurePrinter(uri, profile, font) {
        const done = await busyWith('configure', async () => {
          const r = await api['printer.configure']({
            uri: uri.trim(),
            ...(profile ? { profile } : {}),
            ...(font ? { font } : {}),
          });
          if (!r.ok) {
            // A refused field is shown under that field; anything else in the banner.
            set(r.error.field ? { configError: r.error } : { error: r.error, configError: null });
            return false;
          }
          set({ printerInfo: r.value, configError: null, error: null, printerStatus: null });
          return true;
        });
        if (!done) return false;
        await Promise.all([get().refreshStatus(), get().loadInfo()]);
        return true;
      },
      async printTest(kind) {
        await busyWith(kind === 'page' ? 'test' : 'drawer', async () => {
          const r = await api['printer.test'](kind === 'page' ? {} : { drawerOnly: true });
          if (r.ok) set({ testResult: r.value });
          else set({ error: r.error });
        });
        await Promise.all([get().loadLastJob(), get().refreshStatus(), get().loadQueue()]);
      },
      async loadReport() {
        await busyWith('report', async () => {
          const r = await api['printer.report']({});
          if (r.ok) set({ setupReport: r.value.text });
          else set({ error: r.error });
        });
      },
      closeReport: () => set({ setupReport: null }),
      clearConfigError: () => set({ configError: null }),
    };
  };
