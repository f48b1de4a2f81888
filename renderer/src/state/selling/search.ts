import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import type { All } from '../types';
import type { ProductSearchSlice } from '../selling-types';

/**
 * Every keystroke asks the host; an answer that arrives after a newer question is dropped, so
 * the list always belongs to what is in the field now.
 */
export const createProductSearchSlice =
  (api: TillApi): StateCreator<All, [], [], ProductSearchSlice> =>
  (set, get) => {
    let asked = 0;
    return {
      searchQuery: '',
      searchResults: [],
      searchIndex: -1,
      async searchProducts(query) {
        const q = query.trim();
        const ticket = ++asked;
        set({ searchQuery: q });
        if (q === '') {
          set({ searchResults: [], searchIndex: -1 });
          return;
        }
        const r = await api['product.search']({ query: q, limit: 8 });
        if (ticket !== asked) return;
        if (r.ok) set({ searchResults: r.value.items, searchIndex: r.value.items.length ? 0 : -1 });
        else set({ error: r.error });
      },
      moveSearch(delta) {
        const n = get().searchResults.length;
        if (n === 0) return;
        set({ searchIndex: Math.min(Math.max(get().searchIndex + delta, 0), n - 1) });
      },
      clearSearch() {
        asked += 1;
        set({ searchQuery: '', searchResults: [], searchIndex: -1 });
      },
    };
  };
