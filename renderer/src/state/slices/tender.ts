import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import { dueOf } from '../tender';
import type { All, TenderSlice } from '../types';

export const createTenderSlice =
  (api: TillApi): StateCreator<All, [], [], TenderSlice> =>
  (set) => ({
    tenderOrderId: null,
    orderPayments: [],
    async refreshOrder(orderId) {
      const r = await api['order.get']({ orderId });
      if (!r.ok) {
        set({ error: r.error });
        return null;
      }
      set({ tenderOrderId: orderId, orderPayments: r.value.payments });
      return dueOf(r.value.sale, r.value.payments);
    },
  });
