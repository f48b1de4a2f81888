import { z } from 'zod';
import { saleExtras, saleLineExtras } from './selling/schemas';

/** Domain objects as they cross the boundary. Amounts are integer fen. */

const fen = z.number().int();

export const PAYMENT_STATES = [
  'NEW',
  'SUBMITTING',
  'PENDING',
  'QUERYING',
  'REVERSING',
  'PAID',
  'FAILED',
  'REVERSED',
  'NEEDS_MANUAL',
] as const;
export const PaymentStateSchema = z.enum(PAYMENT_STATES);
export type PaymentState = z.infer<typeof PaymentStateSchema>;
export const FINAL_PAYMENT_STATES: readonly PaymentState[] = ['PAID', 'FAILED', 'REVERSED'];

export const PaymentMethodSchema = z.enum(['WECHAT', 'ALIPAY', 'CASH']);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

export const ProductSchema = z.object({
  barcode: z.string(),
  name: z.string(),
  priceFen: fen,
  unit: z.string(),
});
export type Product = z.infer<typeof ProductSchema>;

export const SaleLineSchema = z.object({
  lineNo: z.number().int(),
  barcode: z.string(),
  name: z.string(),
  qty: z.number().int(),
  unitPriceFen: fen,
  totalFen: fen,
  ...saleLineExtras,
});
export type SaleLine = z.infer<typeof SaleLineSchema>;

export const OrderStatusSchema = z.enum(['OPEN', 'PAYING', 'PAID', 'VOID', 'PARKED', 'HELD']);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const SaleSchema = z.object({
  orderId: z.string(),
  status: OrderStatusSchema,
  lines: z.array(SaleLineSchema),
  itemCount: z.number().int(),
  totalFen: fen,
  createdAt: z.string(),
  ...saleExtras,
});
export type Sale = z.infer<typeof SaleSchema>;

export const PaymentSchema = z.object({
  paymentId: z.string(),
  orderId: z.string(),
  method: PaymentMethodSchema,
  /** 商户订单号: made by the till and stored before any gateway call. */
  merchantOrderNo: z.string(),
  /** 平台订单号 (aggregator sn), once the gateway gave one. */
  platformOrderNo: z.string().nullable(),
  /** 第三方订单号 (WeChat transaction_id / Alipay trade_no), only once paid. */
  thirdPartyOrderNo: z.string().nullable(),
  amountFen: fen,
  receivedFen: fen.nullable(),
  changeFen: fen.nullable(),
  state: PaymentStateSchema,
  reasonCode: z.string().nullable(),
  reasonText: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When the engine stops waiting for the customer (ISO), for the countdown. */
  deadlineAt: z.string().nullable(),
});
export type Payment = z.infer<typeof PaymentSchema>;

/** Print job states and their transitions: shared/printing.ts. */
export const PrintStateSchema = z.enum([
  'QUEUED',
  'SENDING',
  'PRINTED',
  'WAITING',
  'FAILED',
  'INTERRUPTED',
  'CANCELLED',
]);
export type PrintState = z.infer<typeof PrintStateSchema>;

export const PrintJobSchema = z.object({
  jobId: z.string(),
  orderId: z.string().nullable(),
  /** receipt (the original), reprint (a marked copy), test… */
  kind: z.string(),
  printer: z.string(),
  state: PrintStateSchema,
  reasonCode: z.string().nullable(),
  reasonText: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PrintJob = z.infer<typeof PrintJobSchema>;

export const ReceiptSchema = z.object({
  orderId: z.string(),
  text: z.string(),
  txtPath: z.string(),
  createdAt: z.string(),
  /** The original receipt's job (never a reprint's). */
  printJob: PrintJobSchema.nullable(),
  /** Every job of the order, oldest first: the original, then each reprint. */
  jobs: z.array(PrintJobSchema),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

export const SandboxCodeSchema = z.object({
  suffix: z.string(),
  labelZh: z.string(),
  label: z.string(),
  wechat: z.string(),
  alipay: z.string(),
});

export const AppInfoSchema = z.object({
  storeName: z.string(),
  cashier: z.string(),
  version: z.string(),
  gateway: z.string(),
  sandbox: z.boolean(),
  /** live | sandbox | setup (no gateway configured: no payments), and why (gatewayMode.ts). */
  mode: z.enum(['live', 'sandbox', 'setup']),
  modeReason: z.string(),
  sandboxCodes: z.array(SandboxCodeSchema),
  printer: z.string(),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const RefundSchema = z.object({
  paymentId: z.string(),
  /** The acquirer's idempotency key (out_refund_no / out_request_no / refund_request_no). */
  refundNo: z.string(),
  amountFen: fen,
  state: z.enum(['PENDING', 'REFUNDED', 'FAILED']),
  errorCode: z.string().nullable(),
});
/** Where an order's refunds stand: what went back, what is still in flight, what is left. */
export const RefundSummarySchema = z.object({
  state: z.enum(['NONE', 'PARTIAL', 'FULL']),
  refundedFen: fen,
  pendingFen: fen,
  /** Paid less every refund that did not fail. */
  refundableFen: fen,
});
export type RefundSummary = z.infer<typeof RefundSummarySchema>;

export const RefundResultSchema = z.object({
  orderId: z.string(),
  refunds: z.array(RefundSchema),
  /** Split tender: the cash the cashier hands back now, and what goes back to each wallet. */
  cashBackFen: fen,
  walletBack: z.array(
    z.object({
      method: z.enum(['WECHAT', 'ALIPAY']),
      amountFen: fen,
      state: RefundSchema.shape.state,
    }),
  ),
  summary: RefundSummarySchema,
  /** The refund slip (退款单) on the receipt printer; null when this answer repeats a request. */
  slipJob: PrintJobSchema.nullable(),
});
export type RefundResult = z.infer<typeof RefundResultSchema>;

export const OrderDetailSchema = z.object({
  sale: SaleSchema,
  payments: z.array(PaymentSchema),
  receipt: ReceiptSchema.nullable(),
  /** Every refund of the order's payments, so a supervisor sees what is left to refund. */
  refunds: z.array(RefundSchema),
  refund: RefundSummarySchema,
  /** Set when the order was sold at another till of the store (found in the store database). */
  origin: z.object({ tillNo: z.string(), remote: z.literal(true) }).optional(),
});
export type OrderDetail = z.infer<typeof OrderDetailSchema>;

/** Printer status as the technician sees it; `known: false` says why it could not be read. */
export const PrinterStatusViewSchema = z.object({
  known: z.boolean(),
  online: z.boolean().nullable(),
  coverOpen: z.boolean().nullable(),
  paperEnd: z.boolean().nullable(),
  paperNearEnd: z.boolean().nullable(),
  cutterError: z.boolean().nullable(),
  unrecoverableError: z.boolean().nullable(),
  /** Each condition in Chinese and English, e.g. "缺纸 paper end". */
  words: z.array(z.string()),
  errorCode: z.string().nullable(),
  reasonZh: z.string().nullable(),
  hint: z.string().nullable(),
  checkedAt: z.string(),
});
export type PrinterStatusView = z.infer<typeof PrinterStatusViewSchema>;

export const ChineseFontSchema = z.enum(['GB2312', 'GBK', 'GB18030']);

export const PrinterInfoSchema = z.object({
  uri: z.string(),
  label: z.string(),
  virtual: z.boolean(),
  profile: z.string(),
  /** The Chinese font the printer has: what it lacks prints as □. */
  font: ChineseFontSchema,
  profiles: z.array(z.object({ id: z.string(), name: z.string(), columns: z.number().int() })),
});
export type PrinterInfo = z.infer<typeof PrinterInfoSchema>;

export const PrinterListSchema = z.object({
  usb: z.array(
    z.object({
      uri: z.string(),
      vid: z.string(),
      pid: z.string(),
      name: z.string(),
      bidirectional: z.boolean(),
    }),
  ),
  serial: z.array(z.object({ uri: z.string(), path: z.string(), name: z.string() })),
  /** Why a bus could not be listed (no permission, no driver), so "none found" is never ambiguous. */
  problems: z.array(z.string()),
});
export type PrinterList = z.infer<typeof PrinterListSchema>;

export const LastJobSchema = z.object({
  job: PrintJobSchema.nullable(),
  kind: z.string().nullable(),
  size: z.number().int(),
  rows: z.array(z.object({ offset: z.number().int(), hex: z.string(), meaning: z.string() })),
  text: z.string(),
});
export type LastJob = z.infer<typeof LastJobSchema>;

/** What a printer made of a job: the paper as decoded from its bytes, and a PNG of it. */
export const PaperPreviewSchema = z.object({
  lines: z.array(
    z.object({
      kind: z.enum(['text', 'qr', 'barcode', 'image', 'cut']),
      text: z.string(),
      bold: z.boolean(),
      double: z.boolean(),
      align: z.enum(['left', 'center', 'right']),
    }),
  ),
  png: z.string(),
  columns: z.number().int(),
});
export type PaperPreview = z.infer<typeof PaperPreviewSchema>;
