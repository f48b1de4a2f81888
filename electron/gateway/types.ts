/**
 * The one interface every payment gateway adapter implements. The payment engine codes
 * against these names only; adapters never throw for network or protocol trouble.
 */

export type Channel = 'WECHAT' | 'ALIPAY';

export type GatewayOutcome =
  | 'PAID'
  | 'FAILED'
  | 'IN_PROGRESS'
  | 'UNKNOWN'
  | 'CANCELED'
  | 'NOT_FOUND'
  /** The order was paid and (part of) the money has gone back: a refund answer, or a query after one. */
  | 'REFUNDED';

export interface GatewayAnswer {
  /** UNKNOWN = we could not learn the truth (timeout, reset, 5xx, malformed body, bad signature, unexpected amount) — NEVER a failure. */
  outcome: GatewayOutcome;
  /** Platform order no. (for direct WeChat/Alipay adapters this is the channel's own order no.). */
  sn?: string;
  /** Third-party (WeChat/Alipay) order no., only once paid. */
  tradeNo?: string;
  channel?: Channel;
  /** Raw order state as the acquirer named it (order_status / trade_state / trade_status). */
  orderStatus?: string;
  /** e.g. INSUFFICIENT_FUND, EXPIRED_BARCODE, NETWORK_TIMEOUT, BAD_RESPONSE. */
  errorCode?: string;
  /** Acquirer text (Chinese if the gateway gave Chinese). */
  errorMessage?: string;
  /** The order's total as the gateway reported it, so the engine can compare with its own. */
  amountFen?: number;
  /** Refund answers: the amount this refund moved (or, where the acquirer only says so, the cumulative refunded amount). */
  refundFen?: number;
  /** ISO time. */
  paidAt?: string;
  /**
   * The acquirer asked to call the same thing again with the same ids: WeChat reverse
   * `recall=Y`, Alipay cancel `retry_flag=Y`, or a refund error that documents "retry as is".
   */
  retry?: boolean;
}

export interface PayRequest {
  clientSn: string;
  amountFen: number;
  authCode: string;
  subject: string;
  operator: string;
}

/** clientSn = merchant order no.; sn = platform order no. (WeChat transaction_id / Alipay trade_no for direct adapters). */
export type OrderRef = { clientSn: string } | { sn: string };

export interface RefundRequest {
  ref: OrderRef;
  /** Idempotency key, reused unchanged on every retry: WeChat out_refund_no, Alipay out_request_no, upay refund_request_no. */
  refundNo: string;
  amountFen: number;
  /** The order's total (WeChat requires it; the others use it to check the reply). */
  totalFen: number;
  reason?: string;
}

/** When to talk to this acquirer; every number is sourced in schedules.ts. Structurally a superset of the engine's PollSchedule. */
export interface GatewaySchedule {
  /** Delay before the first query after an uncertain pay answer. */
  readonly firstQueryMs: number;
  readonly intervalMs: number;
  /** Measured from the payment's creation: past it the engine reverses/cancels. */
  readonly windowMs: number;
  /** Total reverse/cancel calls (the first one included). */
  readonly reverseAttempts: number;
  readonly reverseIntervalMs: number;
  /** Never query the same order faster than this. */
  readonly minQueryGapMs: number;
  /** Earliest reverse/cancel after the pay call (WeChat: 15 s); 0 = at once. */
  readonly reverseNotBeforeMs: number;
}

export interface PaymentGateway {
  /** 'sandbox' | 'upay' | 'wechat' | 'alipay' … */
  readonly name: string;
  readonly sandbox: boolean;
  readonly schedule: GatewaySchedule;
  /** Never throws for network/protocol trouble: returns UNKNOWN with errorCode. */
  pay(req: PayRequest): Promise<GatewayAnswer>;
  query(ref: OrderRef): Promise<GatewayAnswer>;
  /** upay /upay/v2/cancel (自动撤单/冲正), WeChat reverse, Alipay trade.cancel. Check `retry`. */
  cancel(ref: OrderRef): Promise<GatewayAnswer>;
  /** Idempotent by refundNo: retry with the same refundNo after UNKNOWN or `retry`. */
  refund(req: RefundRequest): Promise<GatewayAnswer>;
}
