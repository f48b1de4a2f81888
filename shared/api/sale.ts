import { z } from 'zod';
import { SaleSchema } from '../domain';
import { none } from './common';

/** The open sale (cart). */
export const saleContract = {
  'sale.current': { input: none, output: SaleSchema },
  'sale.scan': {
    input: z
      .object({
        barcode: z.string().min(1).max(64),
        qty: z.number().int().min(1).max(9999).optional(),
      })
      .strict(),
    output: SaleSchema,
  },
  'sale.setQty': {
    input: z
      .object({ lineNo: z.number().int().min(1), qty: z.number().int().min(0).max(9999) })
      .strict(),
    output: SaleSchema,
  },
  'sale.removeLine': {
    input: z.object({ lineNo: z.number().int().min(1) }).strict(),
    output: SaleSchema,
  },
  'sale.clear': { input: none, output: SaleSchema },
} as const;
