/**
 * The one interface every payment gateway adapter implements. The payment engine codes
 * against these names only; adapters never throw for network or protocol trouble.
 */

export type Channel = 'WECHAT' | 'ALIPAY';

export type GatewayOutcome =
  'PAID' | 'FAILED' | 'IN_PROGRESS' | 'UNKNOWN' | 'CANCELED' | 'NOT_FOUND';

export interface GatewayAnswer {
  /** UNKNOWN = we could not learn the truth (timeout, reset, 5xx, malformed body, bad signature, unexpected amount) — NEVER a failure. */
  outcome: GatewayOutcome;
  /** Platform order no. */
  sn?: string;
  /** Third-party (WeChat/Alipay) order no., only once paid. */
  tradeNo?: string;
  channel?: Channel;
  /** Raw order_status. */
  orderStatus?: string;
  /** e.g. INSUFFICIENT_FUND, EXPIRED_BARCODE, NETWORK_TIMEOUT, BAD_RESPONSE. */
  errorCode?: string;
  /** Acquirer text (Chinese if the gateway gave Chinese). */
  errorMessage?: string;
  amountFen?: number;
  /** ISO time. */
  paidAt?: string;
}

export interface PayRequest {
  clientSn: string;
  amountFen: number;
  authCode: string;
  subject: string;
  operator: string;
}

export type OrderRef = { clientSn: string } | { sn: string };

export interface PaymentGateway {
  /** 'sandbox' | 'upay' … */
  readonly name: string;
  readonly sandbox: boolean;
  /** Never throws for network/protocol trouble: returns UNKNOWN with errorCode. */
  pay(req: PayRequest): Promise<GatewayAnswer>;
  query(ref: OrderRef): Promise<GatewayAnswer>;
  /** upay /upay/v2/cancel (自动撤单/冲正). */
  cancel(ref: OrderRef): Promise<GatewayAnswer>;
}
