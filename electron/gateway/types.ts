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
  /** Merchant order no. as the acquirer echoed it (upay client_sn, WeChat/Alipay out_trade_no). */
  clientSn?: string;
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

/**
 * What an order can be asked about by: clientSn = merchant order no. (商户订单号); sn = platform
 * order no. (平台订单号: upay sn; for the direct adapters, which have no platform between till and
 * channel, the channel's own no.); tradeNo = third-party order no. (第三方订单号: WeChat
 * transaction_id, Alipay trade_no). Each adapter lists in `queryKeys` which its protocol accepts.
 */
export type OrderRef = { clientSn: string } | { sn: string } | { tradeNo: string };
export type OrderRefKind = 'clientSn' | 'sn' | 'tradeNo';

export const refOf = (kind: OrderRefKind, value: string): OrderRef =>
  kind === 'clientSn' ? { clientSn: value } : kind === 'sn' ? { sn: value } : { tradeNo: value };
export const refValue = (ref: OrderRef): string =>
  'clientSn' in ref ? ref.clientSn : 'sn' in ref ? ref.sn : ref.tradeNo;

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
  /**
   * Front-loaded queries, as offsets from the payment's creation (firstQueryMs is the first);
   * after the last one the engine queries every `intervalMs`. Absent: firstQueryMs, then every
   * intervalMs.
   */
  readonly queryAtMs?: readonly number[];
  /**
   * How many times a pay call answered with HTTP 5xx is sent again, unchanged (same merchant
   * order no.), before the engine falls back to queries; 0 where the protocol forbids reusing
   * the merchant order no. (upay: CLIENT_SN_CONFLICT).
   */
  readonly payRetries?: number;
  readonly payRetryDelayMs?: number;
  /** A pay call still unanswered this long after it was sent is asked about by query. */
  readonly queryWhilePayMs?: number;
}

export interface PaymentGateway {
  /** 'sandbox' | 'upay' | 'wechat' | 'alipay' … */
  readonly name: string;
  readonly sandbox: boolean;
  readonly schedule: GatewaySchedule;
  /**
   * The references `query` accepts, in the order a look-up tries them (upay: sn, then client_sn;
   * WeChat orderquery: transaction_id, then out_trade_no; Alipay trade.query: trade_no, then
   * out_trade_no). Any other kind answers NOT_FOUND with errorCode NOT_A_QUERY_KEY, unsent.
   */
  readonly queryKeys: readonly OrderRefKind[];
  /** Never throws for network/protocol trouble: returns UNKNOWN with errorCode. */
  pay(req: PayRequest): Promise<GatewayAnswer>;
  query(ref: OrderRef): Promise<GatewayAnswer>;
  /** upay /upay/v2/cancel (自动撤单/冲正), WeChat reverse, Alipay trade.cancel. Check `retry`. */
  cancel(ref: OrderRef): Promise<GatewayAnswer>;
  /** Idempotent by refundNo: retry with the same refundNo after UNKNOWN or `retry`. */
  refund(req: RefundRequest): Promise<GatewayAnswer>;
}
