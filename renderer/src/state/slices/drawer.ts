import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import type { All, DrawerSlice } from '../types';

/** The cash drawer for the sale on the Done screen: a drawer that stayed shut is shown at once. */
export const createDrawerSlice =
  (api: TillApi): StateCreator<All, [], [], DrawerSlice> =>
  (set, get) => ({
    drawer: null,
    drawerBusy: false,
    applyDrawer(result) {
      const orderId = get().payment?.orderId;
      if (result.orderId && result.orderId === orderId) set({ drawer: result });
    },
    async loadDrawer() {
      const orderId = get().payment?.orderId;
      if (!orderId) return;
      const r = await api['drawer.result']({ orderId });
      if (r.ok && r.value && get().payment?.orderId === orderId) set({ drawer: r.value });
    },
    async retryDrawer() {
      const d = get().drawer;
      if (!d || d.ok || !d.orderId || get().drawerBusy) return;
      set({ drawerBusy: true });
      const r = await api['drawer.retry']({ orderId: d.orderId });
      set({ drawerBusy: false });
      if (r.ok) get().applyDrawer(r.value);
      else set({ error: r.error });
    },
  });
