import type { Channel } from '../types';
import type { OrderBook, SandboxOrderStatus, SandboxProtocol } from './orders';

/** What each customer was actually charged: the ground truth for tests, whatever the replies said. */
export interface LedgerEntry {
  /** Merchant order no. */
  clientSn: string;
  sn: string;
  /** Which wire protocol created the order. */
  protocol: SandboxProtocol;
  channel: Channel;
  amountFen: number;
  /** The payment code the customer showed. */
  authCode: string;
  /** charged = money kept by the merchant (maybe partly refunded); refunded = all of it returned. */
  state: 'charged' | 'refunded' | 'not charged';
  refundedFen: number;
  orderStatus: SandboxOrderStatus;
  tradeNo?: string;
  /** Why the wallet refused, for 'not charged' orders that failed. */
  errorCode?: string;
}

export function ledgerOf(book: OrderBook): LedgerEntry[] {
  return book.all().map((o) => ({
    clientSn: o.clientSn,
    sn: o.sn,
    protocol: o.protocol,
    channel: o.channel,
    amountFen: o.amountFen,
    authCode: o.authCode,
    state: !o.wasPaid ? 'not charged' : o.refundedFen >= o.amountFen ? 'refunded' : 'charged',
    refundedFen: o.refundedFen,
    orderStatus: o.status,
    ...(o.tradeNo !== undefined && { tradeNo: o.tradeNo }),
    ...(o.errorCode !== undefined && { errorCode: o.errorCode }),
  }));
}
