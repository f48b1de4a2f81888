import { TillError } from '../../shared/errors';
import { refOf, type GatewayAnswer, type PaymentGateway } from '../gateway/types';
import type { Repos } from '../store';
import { normalizeNumber } from './numbers';

/**
 * A gateway-paid order this till has no record of (another till, a restored backup), found by a
 * number: asked live by each key the protocol has, and refused unless the gateway says PAID with
 * all three numbers and it is not already recorded here — so it is attached or recorded once.
 */
export async function findUnknownPaid(
  repos: Pick<Repos, 'payments' | 'cases'>,
  gateway: PaymentGateway,
  raw: string,
): Promise<GatewayAnswer & { clientSn: string; amountFen: number }> {
  const n = normalizeNumber(raw);
  let found: GatewayAnswer | null = null;
  for (const key of gateway.queryKeys) {
    const a = await gateway.query(refOf(key, n));
    if (a.outcome === 'UNKNOWN') throw new TillError('LOOKUP_GATEWAY_DOWN', 'number');
    if (a.outcome !== 'NOT_FOUND') {
      found = a;
      break;
    }
  }
  if (!found) throw new TillError('LOOKUP_NOT_FOUND', 'number');
  if (found.outcome !== 'PAID' || found.clientSn === undefined || found.amountFen === undefined)
    throw new TillError('NOT_PAID_AT_GATEWAY', 'number');
  const known =
    repos.payments.byMerchantOrderNo(found.clientSn) !== null ||
    (found.sn !== undefined && repos.payments.byPlatformOrderNo(found.sn).length > 0) ||
    (found.tradeNo !== undefined && repos.payments.byThirdPartyOrderNo(found.tradeNo).length > 0) ||
    repos.cases.byNumber(found.clientSn).some((c) => c.kind === 'UNMATCHED_PAYMENT');
  if (known) throw new TillError('ALREADY_RECORDED', 'number');
  return { ...found, clientSn: found.clientSn, amountFen: found.amountFen };
}
