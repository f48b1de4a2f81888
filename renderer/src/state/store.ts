import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TillApi } from '../../../shared/contract';
import { createAppSlice } from './slices/app';
import { createPaymentSlice } from './slices/payment';
import { createReceiptSlice } from './slices/receipt';
import { createSaleSlice } from './slices/sale';
import type { All } from './types';

export type TillStore = StoreApi<All>;

/** One store from typed slices; built without React so tests drive it directly. */
export function createTillStore(api: TillApi): TillStore {
  return createStore<All>()((...a) => ({
    ...createAppSlice(api)(...a),
    ...createSaleSlice(api)(...a),
    ...createPaymentSlice(api)(...a),
    ...createReceiptSlice(api)(...a),
  }));
}

export { createAppSlice, createPaymentSlice, createReceiptSlice, createSaleSlice };
export type * from './types';
