import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import type { All } from '../types';
import type { HoldSlice } from '../selling-types';

/** 挂单 / 取单 (F5): the list of held sales; hold the cart; recall one into an empty till. */
export const createHoldSlice =
  (api: TillApi): StateCreator<All, [], [], HoldSlice> =>
  (set, get) => {
    const reload = async () => {
      const r = await api['sale.held']({});
      if (r.ok) set({ held: r.value.held, holdIndex: r.value.held.length ? 0 : -1 });
      else set({ error: r.error });
    };
    return {
      held: [],
      holdOpen: false,
      holdIndex: -1,
      async openHold() {
        set({ holdOpen: true, error: null });
        await reload();
      },
      closeHold: () => set({ holdOpen: false }),
      moveHold(delta) {
        const n = get().held.length;
        if (n > 0) set({ holdIndex: Math.min(Math.max(get().holdIndex + delta, 0), n - 1) });
      },
      async holdSale() {
        const r = await api['sale.hold']({});
        if (!r.ok) {
          set({ error: r.error });
          return false;
        }
        get().applySale(r.value);
        set({ error: null, holdOpen: false });
        return true;
      },
      async recallSale(orderId) {
        const r = await get().withApproval('recall', (approval) =>
          api['sale.recall']({ orderId, approval }),
        );
        if (r.ok) {
          get().applySale(r.value);
          set({ holdOpen: false, error: null });
        } else {
          set({ error: r.error });
          await reload();
        }
        return r.ok;
      },
    };
  };
