import { z } from 'zod';
import { SaleSchema } from '../domain';
import { HeldListSchema } from '../selling/schemas';
import { none } from './common';

/** 挂单 / 取单: set the open sale aside, list what is held, bring one back. */
export const holdContract = {
  'sale.hold': { input: none, output: SaleSchema },
  'sale.held': { input: none, output: HeldListSchema },
  /** Another cashier's held sale needs `approval` (sale.recall.otherCashier). */
  'sale.recall': {
    input: z.object({ orderId: z.string().min(1).max(64) }).strict(),
    output: SaleSchema,
  },
} as const;
