import type { StateCreator } from 'zustand';
import type { GatewaySetup } from '../../../../shared/api/setup';
import type { TillApi } from '../../../../shared/contract';
import type { All, SetupSlice } from '../types';

/** 收款设置 (checkout F1 in setup mode, supervisor screen F1): the supervisor's gateway setup; and the technician's store check and backup. */
export const createSetupSlice =
  (api: TillApi): StateCreator<All, [], [], SetupSlice> =>
  (set, get) => ({
    gatewayInfo: null,
    setupBusy: false,
    setupError: null,
    setupSaved: false,
    storeCheck: null,
    storeBusy: null,
    lastBackup: null,
    async openSetup() {
      set({ setupError: null, setupSaved: false });
      const r = await api['gateway.info']({});
      if (r.ok) set({ gatewayInfo: r.value });
      else set({ error: r.error });
    },
    async saveGateway(input: GatewaySetup) {
      if (get().setupBusy) return false;
      set({ setupBusy: true, setupError: null, setupSaved: false });
      try {
        const r = await api['gateway.configure'](input);
        if (!r.ok) {
          set({ setupError: r.error });
          return false;
        }
        set({ gatewayInfo: r.value, setupSaved: true });
        return true;
      } finally {
        set({ setupBusy: false });
      }
    },
    async checkStore() {
      if (get().storeBusy) return;
      set({ storeBusy: 'check' });
      try {
        const r = await api['store.check']({});
        if (r.ok) set({ storeCheck: r.value });
        else set({ error: r.error });
      } finally {
        set({ storeBusy: null });
      }
    },
    async backupStore() {
      if (get().storeBusy) return;
      set({ storeBusy: 'backup' });
      try {
        const r = await api['store.backup']({});
        if (r.ok) set({ lastBackup: r.value });
        else set({ error: r.error });
      } finally {
        set({ storeBusy: null });
      }
    },
    closeStoreCheck: () => set({ storeCheck: null, lastBackup: null }),
  });
