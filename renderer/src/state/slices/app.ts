import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import type { All, AppSlice } from '../types';

export const createAppSlice =
  (api: TillApi): StateCreator<All, [], [], AppSlice> =>
  (set) => ({
    info: null,
    lang: 'zh',
    error: null,
    async loadInfo() {
      const r = await api['app.info']({});
      if (r.ok) set({ info: r.value });
      else set({ error: r.error });
    },
    setLang: (lang) => set({ lang }),
    showError: (error) => set({ error }),
    clearError: () => set({ error: null }),
  });
