import { z } from 'zod';

/** The selling domain's objects as they cross the boundary (catalogue, discounts, holds, display). */

const fen = z.number().int();

export const DiscountSchema = z.object({
  kind: z.enum(['amount', 'percent']),
  /** amount: fen off; percent: per cent off (15 = 八五折). */
  value: z.number().int(),
});

/** What shared/domain.ts's SaleLine carries besides barcode, name, qty and prices. */
export const saleLineExtras = {
  kind: z.enum(['item', 'weighed', 'open']),
  unit: z.string(),
  /** Weighed goods: grams from the scale's label, or worked out from its price (derived). */
  weightG: z.number().int().nullable(),
  weightDerived: z.boolean(),
  /** Before this line's discount; totalFen is after it. */
  grossFen: fen,
  discountFen: fen,
  discount: DiscountSchema.nullable(),
};

/** What shared/domain.ts's Sale carries besides its lines and total (totalFen = to pay). */
export const saleExtras = {
  subtotalFen: fen,
  orderDiscount: DiscountSchema.nullable(),
  orderDiscountFen: fen,
  /** Every discount of the sale (lines and order), as reports count it. */
  discountFen: fen,
};

export const ProductViewSchema = z.object({
  barcode: z.string(),
  name: z.string(),
  priceFen: fen,
  unit: z.string(),
  category: z.string(),
  plu: z.string().nullable(),
  active: z.boolean(),
  /** Sold by weight: priceFen is per unit (千克 or 斤). */
  weighed: z.boolean(),
  version: z.number().int(),
});
export type ProductView = z.infer<typeof ProductViewSchema>;

export const ProductSearchSchema = z.object({
  query: z.string(),
  items: z.array(ProductViewSchema),
  /** Catalogue version the answer comes from. */
  version: z.number().int(),
});
export type ProductSearch = z.infer<typeof ProductSearchSchema>;

export const CatalogueInfoSchema = z.object({
  version: z.number().int(),
  products: z.number().int(),
  active: z.number().int(),
  /** Where the latest version came from: demo, import:<file>, edit, migrated… */
  source: z.string().nullable(),
  at: z.string().nullable(),
});
export type CatalogueInfo = z.infer<typeof CatalogueInfoSchema>;

export const HeldSaleSchema = z.object({
  orderId: z.string(),
  heldAt: z.string(),
  heldBy: z.string(),
  itemCount: z.number().int(),
  totalFen: fen,
  /** The first goods' name, so the cashier recognises the customer's basket. */
  firstItem: z.string(),
});
export type HeldSale = z.infer<typeof HeldSaleSchema>;

export const HeldListSchema = z.object({ held: z.array(HeldSaleSchema) });

/** What the customer's screen shows: no order numbers, no payment codes. */
export const DisplayStateSchema = z.object({
  storeName: z.string(),
  sandbox: z.boolean(),
  phase: z.enum(['idle', 'sale', 'paying', 'paid', 'failed']),
  lines: z.array(
    z.object({
      name: z.string(),
      qty: z.number().int(),
      weightG: z.number().int().nullable(),
      unit: z.string(),
      unitPriceFen: fen,
      discountFen: fen,
      totalFen: fen,
    }),
  ),
  itemCount: z.number().int(),
  subtotalFen: fen,
  discountFen: fen,
  totalFen: fen,
  /** Still to pay (a split tender's rest). */
  dueFen: fen,
  /** paid: what was paid and the change handed back. */
  paidFen: fen,
  changeFen: fen,
  at: z.string(),
});
export type DisplayState = z.infer<typeof DisplayStateSchema>;
