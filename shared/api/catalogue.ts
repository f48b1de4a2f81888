import { z } from 'zod';
import { CatalogueInfoSchema, ProductSearchSchema, ProductViewSchema } from '../selling/schemas';
import { none } from './common';

/** The shop's catalogue: finding goods without a barcode, and a supervisor's price change. */
export const catalogueContract = {
  /** By name, pinyin initials (nfsq) or full pinyin, or an exact barcode / PLU. */
  'product.search': {
    input: z
      .object({
        query: z.string().max(40),
        limit: z.number().int().min(1).max(50).optional(),
      })
      .strict(),
    output: ProductSearchSchema,
  },
  /** Supervisor: one product's price, audited, as a new catalogue version. */
  'product.setPrice': {
    input: z
      .object({
        barcode: z.string().min(1).max(20),
        priceFen: z.number().int().min(0).max(100_000_000),
      })
      .strict(),
    output: ProductViewSchema,
  },
  'catalogue.info': { input: none, output: CatalogueInfoSchema },
} as const;
