import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import type { All, SyncSlice } from '../types';

/** The till's link to the store database, for the header and the technician screen. */
export const createSyncSlice =
  (api: TillApi): StateCreator<All, [], [], SyncSlice> =>
  (set) => ({
    sync: null,
    async loadSync() {
      const r = await api['sync.status']({});
      // A failed read leaves the last known state: the header never invents one.
      if (r.ok) set({ sync: r.value });
    },
    applySync: (sync) => set({ sync }),
  });
