import type { GatewayFinding, NumberKind } from '../../shared/api/recovery';
import type { GatewayAnswer } from '../gateway/types';

const STATE: Record<GatewayAnswer['outcome'], GatewayFinding['state']> = {
  PAID: 'PAID',
  IN_PROGRESS: 'PAYING',
  FAILED: 'NOT_PAID',
  CANCELED: 'CLOSED',
  REFUNDED: 'REFUNDED',
  NOT_FOUND: 'NOT_FOUND',
  UNKNOWN: 'UNREACHABLE',
};

/**
 * A gateway answer in the till's words, for the cashier and the audit. An UNKNOWN that carries
 * an order state (a PAID for an amount we did not expect, an unhandled state) is still
 * "could not be confirmed": only the adapter's outcome decides.
 */
export function toFinding(
  a: GatewayAnswer,
  queriedBy: NumberKind | null,
  at: string,
): GatewayFinding {
  return {
    state: STATE[a.outcome],
    orderStatus: a.orderStatus ?? null,
    amountFen: a.amountFen ?? null,
    merchantOrderNo: a.clientSn ?? null,
    platformOrderNo: a.sn ?? null,
    thirdPartyOrderNo: a.tradeNo ?? null,
    channel: a.channel ?? null,
    paidAt: a.paidAt ?? null,
    queriedBy,
    errorCode: a.errorCode ?? null,
    message: a.errorMessage ?? null,
    at,
  };
}

/** What goes into the audit row of a sync: what the gateway said, without anything secret. */
export const auditOf = (a: GatewayAnswer) => ({
  outcome: a.outcome,
  ...(a.orderStatus !== undefined && { orderStatus: a.orderStatus }),
  ...(a.amountFen !== undefined && { amountFen: a.amountFen }),
  ...(a.clientSn !== undefined && { merchantOrderNo: a.clientSn }),
  ...(a.sn !== undefined && { platformOrderNo: a.sn }),
  ...(a.tradeNo !== undefined && { thirdPartyOrderNo: a.tradeNo }),
  ...(a.paidAt !== undefined && { paidAt: a.paidAt }),
  ...(a.errorCode !== undefined && { errorCode: a.errorCode }),
});
