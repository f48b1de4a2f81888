import { TillError } from '../../shared/errors';
import { refOf, type GatewayAnswer, type PaymentGateway } from '../gateway/types';
import type { Repos } from '../store';
import type { LookupDeps } from './lookup';
import { normalizeNumber } from './numbers';

/**
 * A gateway-paid order this till has no record of (another till, a restored backup), found by a
 * number: asked live by each key the protocol has, and refused unless the gateway says PAID with
 * all three numbers and it is not already recorded here — so it is attached or recorded once.
 * On a till that syncs, the store database is asked too: another till's payment is that till's
 * sale (attaching it would count the money twice, refunding it would undo a real sale), and
 * with the store database unreachable nobody can say it is not, so it waits (STORE_OFFLINE).
 */
export async function findUnknownPaid(
  repos: Pick<Repos, 'payments' | 'cases'>,
  gateway: PaymentGateway,
  raw: string,
  store?: LookupDeps['store'],
): Promise<GatewayAnswer & { clientSn: string; amountFen: number }> {
  const n = normalizeNumber(raw);
  const known = (no: string) =>
    repos.payments.byMerchantOrderNo(no) !== null ||
    repos.payments.byPlatformOrderNo(no).length > 0 ||
    repos.payments.byThirdPartyOrderNo(no).length > 0 ||
    repos.cases.byNumber(no).some((c) => c.kind === 'UNMATCHED_PAYMENT');
  // Ours already, by any of its numbers: nothing to ask the gateway.
  if (known(n)) throw new TillError('ALREADY_RECORDED', 'number');
  // Another till's, by the number shown (the gateway may not take it as a key: third-party nos.).
  let storeDown = false;
  const otherTill = async (no: string) => {
    if (!store || storeDown) return;
    let other;
    try {
      other = await store.find(no);
    } catch (err) {
      if (!(err instanceof TillError) || err.code !== 'STORE_OFFLINE') throw err;
      storeDown = true;
      return;
    }
    if (other)
      throw new TillError('OTHER_TILL_PAYMENT', 'number', `till ${other.origin?.tillNo ?? '?'}`);
  };
  await otherTill(n);
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
  const numbers = [found.clientSn, found.sn, found.tradeNo].filter(
    (x): x is string => x !== undefined,
  );
  if (numbers.some(known)) throw new TillError('ALREADY_RECORDED', 'number');
  for (const no of numbers) if (no !== n) await otherTill(no);
  // Paid, not ours, and the store database cannot say whose: it waits until it can.
  if (storeDown) throw new TillError('STORE_OFFLINE', 'number');
  return { ...found, clientSn: found.clientSn, amountFen: found.amountFen };
}
