import { z } from 'zod';
import { SaleSchema } from '../domain';
import { hasControlChars } from '../selling/text';

/**
 * Changes to what the sale costs. Over the configured limits a cashier's call needs a
 * supervisor's `approval` beside its fields (sale.discount.overLimit, sale.openPrice.overLimit);
 * without it the answer is FORBIDDEN naming the approval, and nothing changes.
 */
export const adjustContract = {
  /** lineNo: that line's discount; absent: the whole order's. value 0 removes it. */
  'sale.discount': {
    input: z
      .object({
        lineNo: z.number().int().min(1).optional(),
        kind: z.enum(['amount', 'percent']),
        /** amount: fen off; percent: per cent off (15 = 八五折). */
        value: z.number().int().min(0).max(100_000_000),
      })
      .strict(),
    output: SaleSchema,
  },
  /** 无码商品: goods without a barcode, at the price the cashier keys in. */
  'sale.openPrice': {
    input: z
      .object({
        name: z
          .string()
          .trim()
          .max(20)
          .refine((s) => !hasControlChars(s), 'control characters')
          .optional(),
        priceFen: z.number().int().min(1).max(100_000_000),
        qty: z.number().int().min(1).max(9999).optional(),
      })
      .strict(),
    output: SaleSchema,
  },
} as const;
