import { z } from 'zod';

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
});
export type SaleLine = z.infer<typeof SaleLineSchema>;

export const OrderStatusSchema = z.enum(['OPEN', 'PAYING', 'PAID', 'VOID']);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const SaleSchema = z.object({
  orderId: z.string(),
  status: OrderStatusSchema,
  lines: z.array(SaleLineSchema),
  itemCount: z.number().int(),
  totalFen: fen,
  createdAt: z.string(),
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

export const PrintStateSchema = z.enum(['QUEUED', 'SENDING', 'PRINTED', 'FAILED']);
export type PrintState = z.infer<typeof PrintStateSchema>;

export const PrintJobSchema = z.object({
  jobId: z.string(),
  orderId: z.string().nullable(),
  printer: z.string(),
  state: PrintStateSchema,
  reasonCode: z.string().nullable(),
  reasonText: z.string().nullable(),
  attempts: z.number().int(),
  updatedAt: z.string(),
});
export type PrintJob = z.infer<typeof PrintJobSchema>;

export const ReceiptSchema = z.object({
  orderId: z.string(),
  text: z.string(),
  txtPath: z.string(),
  createdAt: z.string(),
  printJob: PrintJobSchema.nullable(),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

export const OrderDetailSchema = z.object({
  sale: SaleSchema,
  payments: z.array(PaymentSchema),
  receipt: ReceiptSchema.nullable(),
});
export type OrderDetail = z.infer<typeof OrderDetailSchema>;

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
export const RefundResultSchema = z.object({
  orderId: z.string(),
  refunds: z.array(RefundSchema),
});
export type RefundResult = z.infer<typeof RefundResultSchema>;
