import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import { apiError } from '../../../../shared/errors';
import type { All, SearchSlice } from '../types';

/** The supervisor's order list: today's by default, filters kept while orders are opened. */
export const createSearchSlice =
  (api: TillApi): StateCreator<All, [], [], SearchSlice> =>
  (set, get) => ({
    searchFilter: {},
    results: [],
    resultsHasMore: false,
    searchBusy: false,
    async search(filter = get().searchFilter) {
      if (get().searchBusy) return;
      set({ searchBusy: true, searchFilter: filter });
      const r = await api['order.search'](filter);
      set({ searchBusy: false });
      if (!r.ok) return set({ error: r.error });
      set({
        results: r.value.orders,
        resultsHasMore: r.value.hasMore,
        // This till's orders are listed; other tills' could not be asked: said, not hidden.
        error: r.value.storeOffline ? apiError('STORE_OFFLINE') : null,
      });
    },
    async searchNumber(raw) {
      const number = raw.trim();
      if (!number) return get().search({});
      // Whole ids and merchant order nos. open at once (a receipt's QR code).
      if (await get().findOrder(number, { quiet: true })) return;
      if (number.length < 4) {
        await get().findOrder(number);
        return;
      }
      await get().search({ number });
      const hits = get().results;
      if (hits.length === 1 && hits[0]) await get().findOrder(hits[0].orderId);
      else if (hits.length === 0) await get().findOrder(number); // says NOT_FOUND
    },
    closeOrder() {
      set({ lookup: null, lookupJob: null, refund: null, refundsSeen: [] });
    },
  });
