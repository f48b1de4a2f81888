import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TillApi } from '../../../shared/contract';
import { createAppSlice } from './slices/app';
import { createApprovalSlice } from './slices/approval';
import { createAuditSlice } from './slices/audit';
import { createAuthSlice } from './slices/auth';
import { createDrawerSlice } from './slices/drawer';
import { createCasesSlice } from './slices/cases';
import { createRecoverySlice, type RecoveryOptions } from './slices/recovery';
import { createPaymentSlice } from './slices/payment';
import { createPreviewSlice } from './slices/preview';
import { createPrinterSlice } from './slices/printer';
import { createPrintQueueSlice } from './slices/printQueue';
import { createReceiptSlice } from './slices/receipt';
import { createReprintSlice } from './slices/reprint';
import { createSaleSlice } from './slices/sale';
import { createSearchSlice } from './slices/search';
import { createShiftSlice } from './slices/shift';
import { createSetupSlice } from './slices/setup';
import { createSupervisorSlice } from './slices/supervisor';
import { createSyncSlice } from './slices/sync';
import { createTenderSlice } from './slices/tender';
import { createUsersSlice } from './slices/users';
import { createAdjustSlice } from './selling/adjust';
import { createHoldSlice } from './selling/hold';
import { createProductsSlice } from './selling/products';
import { createProductSearchSlice } from './selling/search';
import type { All } from './types';

export type TillStore = StoreApi<All>;

/** One store from typed slices; built without React so tests drive it directly. */
export interface StoreOptions {
  /** The refund dialog's idempotency key; tests pass their own. */
  newRequestId?: () => string;
  /** The recovery wizard's sync retries (tests make them quick). */
  recovery?: RecoveryOptions;
}

export function createTillStore(api: TillApi, opts: StoreOptions = {}): TillStore {
  return createStore<All>()((...a) => ({
    ...createAppSlice(api)(...a),
    ...createSaleSlice(api)(...a),
    ...createPaymentSlice(api)(...a),
    ...createReceiptSlice(api)(...a),
    ...createTenderSlice(api)(...a),
    ...createSupervisorSlice(api, opts.newRequestId)(...a),
    ...createPrinterSlice(api)(...a),
    ...createPreviewSlice(api)(...a),
    ...createReprintSlice(api)(...a),
    ...createAuthSlice(api)(...a),
    ...createApprovalSlice()(...a),
    ...createShiftSlice(api)(...a),
    ...createSearchSlice(api)(...a),
    ...createAuditSlice(api)(...a),
    ...createUsersSlice(api)(...a),
    ...createPrintQueueSlice(api)(...a),
    ...createDrawerSlice(api)(...a),
    ...createSetupSlice(api)(...a),
    ...createRecoverySlice(api, opts.recovery)(...a),
    ...createCasesSlice(api, opts.newRequestId)(...a),
    ...createProductSearchSlice(api)(...a),
    ...createHoldSlice(api)(...a),
    ...createAdjustSlice(api)(...a),
    ...createProductsSlice(api)(...a),
    ...createSyncSlice(api)(...a),
  }));
}

export {
  createAppSlice,
  createApprovalSlice,
  createAuditSlice,
  createAuthSlice,
  createSearchSlice,
  createShiftSlice,
  createUsersSlice,
  createDrawerSlice,
  createCasesSlice,
  createRecoverySlice,
  createPaymentSlice,
  createPrintQueueSlice,
  createPreviewSlice,
  createPrinterSlice,
  createReceiptSlice,
  createReprintSlice,
  createSaleSlice,
  createSetupSlice,
  createSupervisorSlice,
  createSyncSlice,
  createTenderSlice,
};
export type * from './types';
