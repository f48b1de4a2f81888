import { z } from 'zod';
import { OrderStatusSchema, PaymentMethodSchema } from '../domain';

/** What a supervisor filters by; derived from the order, its payments and its refunds. */
export const SEARCH_STATUSES = [
  'paid',
  'refunded',
  'partly_refunded',
  'parked',
  'unresolved',
] as const;
export const SearchStatusSchema = z.enum(SEARCH_STATUSES);
export type SearchStatus = z.infer<typeof SearchStatusSchema>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const fen = z.number().int().min(0).max(100_000_000);

export const OrderSearchSchema = z
  .object({
    /** Any of the three order numbers (or the order id), whole or its last 4+ characters. */
    number: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{4,64}$/)
      .optional(),
    /** China dates, inclusive. No dates and no number: today. */
    from: day.optional(),
    to: day.optional(),
    minFen: fen.optional(),
    maxFen: fen.optional(),
    /** 工号 of the cashier who took the order. */
    cashier: z.string().trim().min(1).max(20).optional(),
    method: PaymentMethodSchema.optional(),
    status: SearchStatusSchema.optional(),
    page: z.number().int().min(1).max(10_000).optional(),
    pageSize: z.number().int().min(1).max(100).optional(),
  })
  .strict();
export type OrderSearch = z.infer<typeof OrderSearchSchema>;

export const OrderSummarySchema = z.object({
  orderId: z.string(),
  status: OrderStatusSchema,
  /** The supervisor's word for it: paid, refunded, partly_refunded, parked, unresolved, or open. */
  state: z.enum([...SEARCH_STATUSES, 'open', 'void', 'held']),
  totalFen: z.number().int(),
  refundedFen: z.number().int(),
  cashier: z.string(),
  cashierName: z.string(),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  payments: z.array(
    z.object({
      method: PaymentMethodSchema,
      amountFen: z.number().int(),
      state: z.string(),
      merchantOrderNo: z.string(),
      platformOrderNo: z.string().nullable(),
      thirdPartyOrderNo: z.string().nullable(),
    }),
  ),
  /** Another till's order, found in the store database (as OrderDetail's origin). */
  origin: z.object({ tillNo: z.string(), remote: z.literal(true) }).optional(),
});
export type OrderSummary = z.infer<typeof OrderSummarySchema>;

export const searchContract = {
  /** Paged, newest first; today's orders when nothing narrows it. */
  'order.search': {
    input: OrderSearchSchema,
    output: z.object({
      orders: z.array(OrderSummarySchema),
      page: z.number().int(),
      pageSize: z.number().int(),
      hasMore: z.boolean(),
      /**
       * A number search could not ask the store database: only this till's orders are listed
       * (with none of them, the answer is STORE_OFFLINE instead).
       */
      storeOffline: z.boolean().optional(),
    }),
  },
} as const;
