import { z } from 'zod';
import {
  OrderDetailSchema,
  PaperPreviewSchema,
  PrintJobSchema,
  ReceiptSchema,
  RefundResultSchema,
} from '../domain';
import { fenAmount, orderRef } from './common';
import { ReprintResultSchema } from './print';

/** Paid orders and their receipts: what the supervisor finds, refunds and reprints. */
export const orderContract = {
  'order.refund': {
    input: z
      .object({
        orderId: z.string().min(1).max(64),
        /** Idempotency key: the same request sent twice refunds once. */
        requestId: z
          .string()
          .min(1)
          .max(32)
          .regex(/^[A-Za-z0-9_-]+$/),
        amountFen: fenAmount.optional(),
        reason: z.string().max(80).optional(),
      })
      .strict(),
    output: RefundResultSchema,
  },
  'order.get': { input: orderRef, output: OrderDetailSchema },
  /** Supervisor lookup by what the customer or the receipt shows: order id or merchant order no. */
  'order.find': {
    input: z.object({ query: z.string().trim().min(1).max(64) }).strict(),
    output: OrderDetailSchema,
  },
  'receipt.get': { input: orderRef, output: ReceiptSchema },
  /** A marked copy (重打印), its own job after the original, audited. */
  'receipt.reprint': { input: orderRef, output: ReprintResultSchema },
  /** The receipt as the printer will put it on paper (decoded from the job's own bytes). */
  'receipt.preview': { input: orderRef, output: PaperPreviewSchema },
  /**
   * "Print again" for a job that may have printed (FAILED, INTERRUPTED), after a person looked
   * at the printer: the cashier for the receipt on screen, a technician from the queue. A
   * WAITING job is checked at once instead (it prints by itself when the printer is ready).
   */
  'print.retry': {
    input: z.object({ jobId: z.string().min(1).max(64) }).strict(),
    output: PrintJobSchema,
  },
} as const;
