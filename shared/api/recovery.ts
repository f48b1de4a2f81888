import { z } from 'zod';
import {
  OrderDetailSchema,
  OrderStatusSchema,
  PaymentSchema,
  PaymentStateSchema,
  PrinterStatusViewSchema,
  PrintJobSchema,
  SaleSchema,
} from '../domain';
import { fenAmount, orderRef, paymentRef } from './common';

/**
 * The recovery flow (收银异常处理, the seed's last section): find an order by any number the
 * customer or the receipt shows, here and at the gateway; sync (补单) a payment with the
 * gateway's final answer; park what cannot be settled now (挂起) as a supervisor case.
 */

const fen = z.number().int();

/** Which of the three numbers (or the till's order id) a number turned out to be. */
export const NumberKindSchema = z.enum(['merchant', 'platform', 'thirdParty', 'orderId']);
export type NumberKind = z.infer<typeof NumberKindSchema>;

/** What the gateway said in a live query, in the till's words. */
export const GatewayFindingSchema = z.object({
  state: z.enum(['PAID', 'PAYING', 'NOT_PAID', 'CLOSED', 'REFUNDED', 'NOT_FOUND', 'UNREACHABLE']),
  /** The acquirer's own name for it (order_status / trade_state / trade_status). */
  orderStatus: z.string().nullable(),
  amountFen: fen.nullable(),
  merchantOrderNo: z.string().nullable(),
  platformOrderNo: z.string().nullable(),
  thirdPartyOrderNo: z.string().nullable(),
  channel: z.enum(['WECHAT', 'ALIPAY']).nullable(),
  paidAt: z.string().nullable(),
  /** The key the answer came from; null when none found it. */
  queriedBy: NumberKindSchema.nullable(),
  errorCode: z.string().nullable(),
  message: z.string().nullable(),
  at: z.string(),
});
export type GatewayFinding = z.infer<typeof GatewayFindingSchema>;

export const CASE_KINDS = [
  'UNCONFIRMED_PAYMENT',
  'ABANDONED_SPLIT',
  'DROPPED_ORDER',
  'UNMATCHED_PAYMENT',
] as const;

/** A supervisor case with what the till knows of it now. */
export const CaseViewSchema = z.object({
  caseId: z.string(),
  kind: z.enum(CASE_KINDS),
  state: z.enum(['OPEN', 'RESOLVED']),
  /**
   * CONFIRMING: a payment is still being driven to its end; NEEDS_QUERY: nobody could confirm
   * the payment (query again / sync); CHARGED: money was taken and must go back (refund);
   * REFUNDING: a refund is on its way; NOT_CHARGED: nothing was taken (close as unpaid).
   */
  status: z.enum(['CONFIRMING', 'NEEDS_QUERY', 'CHARGED', 'REFUNDING', 'NOT_CHARGED', 'RESOLVED']),
  orderId: z.string().nullable(),
  paymentId: z.string().nullable(),
  amountFen: fen.nullable(),
  merchantOrderNo: z.string().nullable(),
  platformOrderNo: z.string().nullable(),
  thirdPartyOrderNo: z.string().nullable(),
  channel: z.string().nullable(),
  paidAt: z.string().nullable(),
  note: z.string().nullable(),
  resolution: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  orderStatus: OrderStatusSchema.nullable(),
  paymentState: PaymentStateSchema.nullable(),
  paidFen: fen,
  refundedFen: fen,
});
export type CaseView = z.infer<typeof CaseViewSchema>;

export const CaseListSchema = z.object({
  openCount: z.number().int(),
  cases: z.array(CaseViewSchema),
});

export const LookupResultSchema = z.object({
  /** The number as it was searched (spaces removed). */
  number: z.string(),
  /** What it matched in the till's own store; null = not a number this till knows. */
  matchedAs: NumberKindSchema.nullable(),
  order: OrderDetailSchema.nullable(),
  paymentId: z.string().nullable(),
  /** Cases that carry this number (a recorded voucher, an unmatched payment). */
  cases: z.array(CaseViewSchema),
  /** null = nothing to ask the gateway (cash only, no payment yet). */
  gateway: GatewayFindingSchema.nullable(),
  /**
   * PAID_HERE: paid, here and at the gateway → printer checks. PAID_NOT_SYNCED: the gateway has
   * the money, the till does not → sync. PAID_UNKNOWN_HERE: a gateway-paid order this till never
   * made (another till, a restored backup) → attach or record to refund. PAYING: the platform
   * shows it unpaid or in progress (a 掉单 while the customer shows success → sync with retries).
   * NOT_PAID: unpaid or closed → pay again. REFUNDED: the money went back. LOCAL_ONLY: nothing to
   * ask (cash). GATEWAY_DOWN: the gateway did not answer. OTHER_TILL: an order of another till
   * of the store (found in the store database; `order.origin` names it): reprint or refund it
   * from the supervisor screen; nothing is paid or attached here.
   */
  verdict: z.enum([
    'PAID_HERE',
    'PAID_NOT_SYNCED',
    'PAID_UNKNOWN_HERE',
    'PAYING',
    'NOT_PAID',
    'REFUNDED',
    'LOCAL_ONLY',
    'GATEWAY_DOWN',
    'OTHER_TILL',
  ]),
});
export type LookupResult = z.infer<typeof LookupResultSchema>;

export const SyncResultSchema = z.object({
  payment: PaymentSchema,
  before: PaymentStateSchema,
  /**
   * PAID_NOW: this sync settled it (receipt issued when the order is fully paid). ALREADY_PAID:
   * it was settled before (by another sync or the till): nothing changed. STILL_PAYING: the
   * gateway has not got the channel's result yet. NOT_PAID / CLOSED / NOT_FOUND: no money taken.
   * REFUNDED: taken and given back. UNREACHABLE: the gateway did not answer; nothing changed.
   */
  result: z.enum([
    'PAID_NOW',
    'ALREADY_PAID',
    'STILL_PAYING',
    'NOT_PAID',
    'CLOSED',
    'NOT_FOUND',
    'REFUNDED',
    'UNREACHABLE',
  ]),
  gateway: GatewayFindingSchema.nullable(),
  orderStatus: OrderStatusSchema,
});
export type SyncResult = z.infer<typeof SyncResultSchema>;

export const TimelineEntrySchema = z.object({
  at: z.string(),
  actor: z.string().nullable(),
  /** payment = a state change; recovery = a wizard step; audit = who did what; print = a job. */
  kind: z.enum(['payment', 'recovery', 'audit', 'print']),
  step: z.string(),
  outcome: z.string(),
  detail: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const PrinterCheckSchema = z.object({
  orderId: z.string(),
  /** The seed's print.txt: the latest receipt, which vendors' tools pick up. */
  printTxt: z.object({
    path: z.string(),
    exists: z.boolean(),
    modifiedAt: z.string().nullable(),
    content: z.string().nullable(),
    /** print.txt still holds this order's receipt (a later sale overwrites it). */
    holdsThisOrder: z.boolean(),
  }),
  /** The order's own archived copy (receipts/<day>/<order>.txt). */
  archived: z.object({
    path: z.string().nullable(),
    exists: z.boolean(),
    modifiedAt: z.string().nullable(),
    content: z.string().nullable(),
  }),
  template: z.object({
    kind: z.enum(['default', 'custom']),
    name: z.string(),
    /** The custom template's file, as the setting names it. */
    file: z.string().nullable(),
    /** Why a configured custom template is not used (then the default is). */
    problem: z.string().nullable(),
  }),
  status: PrinterStatusViewSchema,
  job: PrintJobSchema.nullable(),
});
export type PrinterCheck = z.infer<typeof PrinterCheckSchema>;

/** The wizard's questions and printer checks, as they go on the order's timeline. */
export const RECOVERY_STEPS = [
  'start',
  'voucher',
  'lookup',
  'sync',
  'dropped',
  'payAgain',
  'printTxt',
  'template',
  'printerStatus',
  'reprint',
  'withheld',
  'done',
] as const;
export const RecoveryStepSchema = z.enum(RECOVERY_STEPS);

/** A number as typed or scanned: letters, digits, - and _ (spaces are taken out). */
const numberInput = z.string().max(200);
const requestId = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/);

export const recoveryContract = {
  /** Any of the three numbers or an order id: the till's record and a live gateway query. */
  'order.lookup': {
    input: z.object({ number: numberInput }).strict(),
    output: LookupResultSchema,
  },
  /** 同步订单 / 补单: query again and apply the gateway's final answer. Idempotent. */
  'order.sync': { input: paymentRef, output: SyncResultSchema },
  /** What happened to the order, step by step (payments, recovery steps, audit, printing). */
  'order.timeline': {
    input: orderRef,
    output: z.object({ orderId: z.string(), entries: z.array(TimelineEntrySchema) }),
  },
  /** Supervisor: a gateway-paid order the till never knew, paid for this sale (amounts match). */
  'order.attachPayment': {
    input: z.object({ number: numberInput, orderId: z.string().min(1).max(64) }).strict(),
    output: OrderDetailSchema,
  },
  /** Park the current sale after part of it was paid and the customer walked away (挂起). */
  'sale.park': {
    input: z.object({}).strict(),
    output: z.object({ parked: SaleSchema, case: CaseViewSchema }),
  },
  'case.list': { input: z.object({}).strict(), output: CaseListSchema },
  /**
   * The customer shows success, the platform says unpaid after the retries: goods are withheld
   * and the voucher's numbers, amount and time go to the supervisor. The sale is parked.
   */
  'case.record': {
    input: z
      .object({
        orderId: z.string().min(1).max(64),
        paymentId: z.string().min(1).max(64).optional(),
        number: numberInput.optional(),
        amountFen: fenAmount.optional(),
        /** The time on the voucher, as the cashier read it (ISO). */
        voucherTime: z.iso.datetime({ offset: true }).optional(),
      })
      .strict(),
    output: CaseViewSchema,
  },
  /** Supervisor: a gateway-paid order the till never knew, recorded so it is refunded. */
  'case.recordUnmatched': {
    input: z.object({ number: numberInput }).strict(),
    output: CaseViewSchema,
  },
  /**
   * Supervisor: REFUND gives back what the case's order (or unmatched payment) took, then closes
   * it; CLOSE closes it as unpaid once the gateway confirms nothing was taken. Idempotent by
   * requestId.
   */
  'case.resolve': {
    input: z
      .object({
        caseId: z.string().min(1).max(64),
        action: z.enum(['REFUND', 'CLOSE']),
        requestId,
      })
      .strict(),
    output: CaseViewSchema,
  },
  /** One step of the wizard and its outcome, for the order's timeline. */
  'recovery.note': {
    input: z
      .object({
        orderId: z.string().min(1).max(64),
        step: RecoveryStepSchema,
        outcome: z.string().regex(/^[A-Z_]{1,32}$/),
        number: numberInput.optional(),
      })
      .strict(),
    output: z.object({ recorded: z.boolean() }),
  },
  /** print.txt (path, time, content), the receipt template in use, and the live printer status. */
  'recovery.printerCheck': { input: orderRef, output: PrinterCheckSchema },
} as const;

export const CaseCountSchema = z.object({ openCount: z.number().int() });
