import type { Customer } from './customers';

/**
 * One order's life at the bench acquirer (acquirer.ts), as plain data and two pure functions:
 * `advance` plays the customer's and the acquirer's own timed events (payment completes,
 * 45 s auto-revoke) up to a time; `truthOf` says what finally happened to the money.
 */

export type TradeState = 'USERPAYING' | 'SUCCESS' | 'REVOKED' | 'PAYERROR' | 'REFUND';

export interface Order {
  outTradeNo: string;
  customer: Customer;
  amountFen: number;
  createdAt: number;
  state: TradeState;
  completeAt?: number;
  paidAt?: number;
  closedAt?: number;
  refundedAt?: number;
  refundedFen: number;
  transactionId?: string;
  lastServedQueryAt?: number;
}

export interface Truth {
  /** The order exists at the acquirer (the pay request arrived). */
  created: boolean;
  /** Charged and not refunded. */
  charged: boolean;
  /** When the truth became final: paid, refunded, revoked/closed, failed; undefined if never created. */
  finalAt?: number;
  how: 'paid' | 'refunded' | 'revoked' | 'auto-revoked' | 'payerror' | 'never-arrived';
}

export const AUTO_REVOKE_MS = 45_000;
export const RACE_WINDOW_MS = 1_000;

/** Plays the customer's and the acquirer's own timed events up to `t`. */
export function advance(o: Order, t: number): void {
  if (o.state !== 'USERPAYING') return;
  const revokeAt = o.createdAt + AUTO_REVOKE_MS;
  if (o.completeAt !== undefined && o.completeAt < revokeAt && o.completeAt <= t) {
    o.state = 'SUCCESS';
    o.paidAt = o.completeAt;
  } else if (t >= revokeAt) {
    o.state = 'REVOKED';
    o.closedAt = revokeAt;
  }
}

/** The final truth for an order (after every pending event has played out). */
export function truthOf(o: Order | undefined): Truth {
  if (!o) return { created: false, charged: false, how: 'never-arrived' };
  advance(o, Number.MAX_SAFE_INTEGER);
  if (o.refundedAt !== undefined)
    return { created: true, charged: false, finalAt: o.refundedAt, how: 'refunded' };
  if (o.state === 'SUCCESS')
    return { created: true, charged: true, finalAt: o.paidAt as number, how: 'paid' };
  if (o.paidAt === undefined && o.closedAt === o.createdAt + AUTO_REVOKE_MS)
    return { created: true, charged: false, finalAt: o.closedAt, how: 'auto-revoked' };
  return {
    created: true,
    charged: false,
    finalAt: o.closedAt as number,
    how: o.customer.behaviour === 'insufficient' ? 'payerror' : 'revoked',
  };
}
