import { z } from 'zod';
import type { Channel, EventName } from './channels';
import type { Result } from './result';
import {
  AppInfoSchema,
  OrderDetailSchema,
  PaymentSchema,
  PrintJobSchema,
  ReceiptSchema,
  LastJobSchema,
  PaperPreviewSchema,
  PrinterInfoSchema,
  PrinterListSchema,
  PrinterStatusViewSchema,
  RefundResultSchema,
  SaleSchema,
} from './domain';

/**
 * The one API between UI and host. Both bindings (Electron IPC and the kiosk HTTP server)
 * parse requests with these schemas; nothing else crosses the boundary.
 */
const none = z.object({}).strict();
const orderRef = z.object({ orderId: z.string().min(1).max(64) }).strict();

const fenAmount = z.number().int().min(1).max(100_000_000);

/** amountFen (wallet) and partial (cash) make a split tender: part cash, part wallet. */
export const PayStartSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('wallet'),
      authCode: z.string().min(1).max(64),
      amountFen: fenAmount.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('cash'),
      receivedFen: z.number().int().min(0).max(100_000_000),
      partial: z.boolean().optional(),
    })
    .strict(),
]);

export const contract = {
  'app.info': { input: none, output: AppInfoSchema },
  'sale.current': { input: none, output: SaleSchema },
  'sale.scan': {
    input: z
      .object({
        barcode: z.string().min(1).max(64),
        qty: z.number().int().min(1).max(999).optional(),
      })
      .strict(),
    output: SaleSchema,
  },
  'sale.setQty': {
    input: z
      .object({ lineNo: z.number().int().min(1), qty: z.number().int().min(0).max(999) })
      .strict(),
    output: SaleSchema,
  },
  'sale.removeLine': {
    input: z.object({ lineNo: z.number().int().min(1) }).strict(),
    output: SaleSchema,
  },
  'sale.clear': { input: none, output: SaleSchema },
  'pay.start': { input: PayStartSchema, output: PaymentSchema },
  'pay.status': {
    input: z.object({ paymentId: z.string().min(1).max(64) }).strict(),
    output: PaymentSchema,
  },
  'pay.cancel': {
    input: z.object({ paymentId: z.string().min(1).max(64) }).strict(),
    output: PaymentSchema,
  },
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
  /** A marked copy (重打印), audited. */
  'receipt.reprint': { input: orderRef, output: PrintJobSchema },
  /** The receipt as the printer will put it on paper (decoded from the job's own bytes). */
  'receipt.preview': { input: orderRef, output: PaperPreviewSchema },
  'printer.info': { input: none, output: PrinterInfoSchema },
  'printer.list': { input: none, output: PrinterListSchema },
  'printer.status': { input: none, output: PrinterStatusViewSchema },
  'printer.test': {
    input: z
      .object({ drawer: z.boolean().optional(), drawerOnly: z.boolean().optional() })
      .strict(),
    output: PrintJobSchema,
  },
  'printer.lastJob': { input: none, output: LastJobSchema },
  /** Technician: pick a printer (a TILL_PRINTER URI) and paper profile; saved to settings.json. */
  'printer.configure': {
    input: z
      .object({
        uri: z.string().trim().min(1).max(200),
        profile: z.enum(['58mm', '80mm-180dpi', '80mm']).optional(),
      })
      .strict(),
    output: PrinterInfoSchema,
  },
  'printer.report': { input: none, output: z.object({ text: z.string() }) },
  /** The cashier's "print again" for a job that failed (recovery flow). */
  'print.retry': {
    input: z.object({ jobId: z.string().min(1).max(64) }).strict(),
    output: PrintJobSchema,
  },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  'sale.updated': SaleSchema,
  'payment.updated': PaymentSchema,
  'print.updated': PrintJobSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type Input<C extends Channel> = z.input<(typeof contract)[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<(typeof contract)[C]['input']>;
export type Output<C extends Channel> = z.output<(typeof contract)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** The object the renderer talks to: one method per operation plus a typed event subscription. */
export type TillApi = {
  [C in Channel]: (input: Input<C>) => Promise<Result<Output<C>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
