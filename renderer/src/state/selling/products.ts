import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import type { All } from '../types';
import type { ProductsSlice } from '../selling-types';

/** The supervisor's 商品改价: find one product, change its price (audited by the host). */
export const createProductsSlice =
  (api: TillApi): StateCreator<All, [], [], ProductsSlice> =>
  (set, get) => ({
    priceResults: [],
    priceSelected: null,
    priceSaved: null,
    async findProducts(query) {
      const q = query.trim();
      if (!q) return set({ priceResults: [] });
      const r = await api['product.search']({ query: q, limit: 12 });
      if (!r.ok) return set({ error: r.error });
      set({
        priceResults: r.value.items,
        priceSelected: r.value.items.length === 1 ? (r.value.items[0] ?? null) : null,
        priceSaved: null,
        error: null,
      });
    },
    selectProduct: (p) => set({ priceSelected: p, priceSaved: p ? get().priceSaved : null }),
    async savePrice(priceFen) {
      const p = get().priceSelected;
      if (!p) return false;
      // A cashier changes a price with a supervisor's approval (主管授权) on the same call.
      const r = await get().withApproval('price', (approval) =>
        api['product.setPrice']({ barcode: p.barcode, priceFen, approval }),
      );
      if (!r.ok) {
        set({ error: r.error });
        return false;
      }
      set({
        priceSelected: r.value,
        priceSaved: r.value,
        priceResults: get().priceResults.map((x) => (x.barcode === r.value.barcode ? r.value : x)),
        error: null,
      });
      return true;
    },
  });
