import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import type { All, PreviewSlice } from '../types';

/** Keep a few orders' paper at most: a till shows one or two at a time. */
const KEEP = 8;

/** The paper decoded from each order's latest ESC/POS job (receipt.preview), by orderId. */
export const createPreviewSlice =
  (api: TillApi): StateCreator<All, [], [], PreviewSlice> =>
  (set, get) => ({
    previews: {},
    showPng: false,
    async loadPreview(orderId, jobId) {
      const have = get().previews[orderId];
      if (have && have.jobId === jobId) return;
      const r = await api['receipt.preview']({ orderId });
      // NOT_FOUND: no job bytes yet (or no printer); the print.txt text stays on screen meanwhile.
      if (!r.ok) {
        if (r.error.code !== 'NOT_FOUND') set({ error: r.error });
        return;
      }
      const kept = Object.entries(get().previews)
        .filter(([id]) => id !== orderId)
        .slice(-(KEEP - 1));
      set({ previews: { ...Object.fromEntries(kept), [orderId]: { jobId, paper: r.value } } });
    },
    togglePng: () => set({ showPng: !get().showPng }),
  });
