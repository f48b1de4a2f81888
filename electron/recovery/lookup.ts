import type { GatewayFinding, LookupResult, NumberKind } from '../../shared/api/recovery';
import type { OrderDetail, Payment } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import { refOf, type GatewayAnswer, type PaymentGateway } from '../gateway/types';
import type { QueryGate } from '../payments/queryGate';
import type { Repos } from '../store';
import { iso, type Clock } from '../services/clock';
import { caseView } from './caseView';
import { toFinding } from './findings';
import { KIND_OF_KEY, looksThirdParty, normalizeNumber } from './numbers';

export interface LookupDeps {
  repos: Pick<Repos, 'sales' | 'payments' | 'refunds' | 'cases'>;
  gateway: PaymentGateway;
  gate: QueryGate;
  clock: Clock;
  /** The order as order.get shows it. */
  detail: (orderId: string) => OrderDetail;
  /**
   * The store database (electron/sync/crossTill.ts), when this till syncs: another till's order
   * by any of its numbers, marked with its origin; throws STORE_OFFLINE when unreachable.
   */
  store?: { find: (number: string) => Promise<OrderDetail | null> } | null;
}

/** Which of a store order's numbers the customer's number is. */
function matchedIn(o: OrderDetail, n: string): { kind: NumberKind; payment: Payment | null } {
  for (const p of o.payments) {
    if (p.merchantOrderNo === n) return { kind: 'merchant', payment: p };
    if (p.platformOrderNo === n) return { kind: 'platform', payment: p };
    if (p.thirdPartyOrderNo === n) return { kind: 'thirdParty', payment: p };
  }
  return { kind: 'orderId', payment: o.payments.filter(isWallet).at(-1) ?? null };
}

interface Local {
  matchedAs: NumberKind;
  orderId: string;
  payment: Payment | null;
}

const isWallet = (p: Payment) => p.method !== 'CASH';

/**
 * order.lookup: the number the customer or the receipt shows, as any of the three numbers or an
 * order id — first in the till's own store (all three are indexed), then in the store database
 * (another till's order: OTHER_TILL, marked with its till; that till owns its payment, so the
 * gateway is not asked and nothing here may attach it), then at the gateway, live.
 * With the store database unreachable, a number this till cannot tie to itself is STORE_OFFLINE,
 * never "not found" or "paid, unknown here": it may be another till's sale.
 * It changes nothing: a look-up only reads (and keeps to the acquirer's rate limit).
 */
export function createLookup(deps: LookupDeps) {
  const { repos, gateway, clock } = deps;

  function findLocal(n: string): Local | null {
    const byNo: [NumberKind, Payment | null | undefined][] = [
      ['merchant', repos.payments.byMerchantOrderNo(n)],
      ['platform', repos.payments.byPlatformOrderNo(n)[0]],
      ['thirdParty', repos.payments.byThirdPartyOrderNo(n)[0]],
    ];
    for (const [kind, p] of byNo) if (p) return { matchedAs: kind, orderId: p.orderId, payment: p };
    const sale = repos.sales.get(n);
    if (!sale) return null;
    // An order id: its latest wallet attempt is what the gateway can be asked about.
    const wallet = repos.payments.byOrder(n).filter(isWallet).at(-1) ?? null;
    return { matchedAs: 'orderId', orderId: n, payment: wallet };
  }

  /** Not ours (or not yet known to be): ask by each key the protocol has, in its order. */
  async function askEachKey(n: string): Promise<{ a: GatewayAnswer; by: NumberKind | null }> {
    let last: GatewayAnswer = { outcome: 'NOT_FOUND' };
    for (const key of gateway.queryKeys) {
      const a = await gateway.query(refOf(key, n));
      if (a.outcome !== 'NOT_FOUND') return { a, by: KIND_OF_KEY[key] };
      if (a.errorCode !== 'NOT_A_QUERY_KEY') last = a;
    }
    return { a: last, by: null };
  }

  function verdict(
    local: Local | null,
    g: GatewayFinding | null,
    gatewayPaidOurs: boolean,
  ): LookupResult['verdict'] {
    const localPaid = local?.payment?.state === 'PAID';
    if (!g) return 'LOCAL_ONLY';
    if (g.state === 'UNREACHABLE') return localPaid ? 'PAID_HERE' : 'GATEWAY_DOWN';
    if (g.state === 'PAID') {
      if (!local && !gatewayPaidOurs) return 'PAID_UNKNOWN_HERE';
      return localPaid ? 'PAID_HERE' : 'PAID_NOT_SYNCED';
    }
    if (g.state === 'PAYING') return 'PAYING';
    if (g.state === 'REFUNDED') return 'REFUNDED';
    return 'NOT_PAID';
  }

  return async function lookup(raw: string): Promise<LookupResult> {
    const number = normalizeNumber(raw);
    let local = findLocal(number);
    const cases = repos.cases.byNumber(number).map((c) => caseView(repos, c));
    let gatewayFinding: GatewayFinding | null = null;
    let gatewayPaidOurs = false;
    let storeDown = false;
    if (!local && deps.store) {
      try {
        const remote = await deps.store.find(number);
        if (remote) {
          const m = matchedIn(remote, number);
          return {
            number,
            matchedAs: m.kind,
            order: remote,
            paymentId: m.payment?.paymentId ?? null,
            cases,
            gateway: null,
            verdict: 'OTHER_TILL',
          };
        }
      } catch (err) {
        if (!(err instanceof TillError) || err.code !== 'STORE_OFFLINE') throw err;
        storeDown = true;
      }
    }
    if (local?.payment && isWallet(local.payment)) {
      // Ours: asked by our own merchant order no., through the payment's rate-limit gate.
      const a = await deps.gate.query(local.payment, 'lookup');
      gatewayFinding = toFinding(a, 'merchant', iso(clock.now()));
    } else if (!local) {
      const { a, by } = await askEachKey(number);
      const at = iso(clock.now());
      gatewayFinding = toFinding(a, by, at);
      // The platform knows it by a number we never got (a lost reply): it may still be ours.
      const ours = a.clientSn ? repos.payments.byMerchantOrderNo(a.clientSn) : null;
      if (ours) {
        local = { matchedAs: by ?? 'platform', orderId: ours.orderId, payment: ours };
        repos.payments.noteQueried(ours.paymentId, at);
        gatewayPaidOurs = true;
      } else if (cases.length === 0) {
        if (storeDown) throw new TillError('STORE_OFFLINE', 'number', `gateway: ${a.outcome}`);
        if (a.outcome === 'UNKNOWN') throw new TillError('LOOKUP_GATEWAY_DOWN', 'number');
        if (a.outcome === 'NOT_FOUND')
          throw new TillError(
            looksThirdParty(number) ? 'LOOKUP_THIRD_PARTY' : 'LOOKUP_NOT_FOUND',
            'number',
          );
      }
    }
    return {
      number,
      matchedAs: local?.matchedAs ?? null,
      order: local ? deps.detail(local.orderId) : null,
      paymentId: local?.payment?.paymentId ?? null,
      cases,
      gateway: gatewayFinding,
      verdict: verdict(local, gatewayFinding, gatewayPaidOurs),
    };
  };
}
export type Lookup = ReturnType<typeof createLookup>;
