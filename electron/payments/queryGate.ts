import type { Payment } from '../../shared/domain';
import type { GatewayAnswer, OrderRef, PaymentGateway } from '../gateway/types';
import type { Repos } from '../store';
import { iso, type Clock } from '../services/clock';

/** How much later than its sending a query may reach the acquirer, for a crash mid-query. */
const IN_FLIGHT_MS = 500;

export interface QueryGateDeps {
  repos: Pick<Repos, 'payments'>;
  gateway: PaymentGateway;
  clock: Clock;
  trace?: (paymentId: string, step: string, answer: GatewayAnswer) => void;
}

/**
 * Every query about one of our payments goes through here — the payment flow's, the
 * reconciler's, a cashier's sync or look-up: one at a time per payment, and never closer to the
 * last answer than the acquirer's minimum gap. The time of that answer is kept in the store
 * (payments.checked_at), so a payment resumed after a restart keeps the gap too.
 */
export function createQueryGate(deps: QueryGateDeps) {
  const { repos, gateway, clock } = deps;
  const minGap = gateway.schedule.minQueryGapMs;
  const queue = new Map<string, Promise<unknown>>();

  async function ask(p: Payment, step: string, ref: OrderRef): Promise<GatewayAnswer> {
    const last = repos.payments.lastQueriedAt(p.paymentId);
    const gap = last === null ? 0 : last + minGap - clock.now();
    if (gap > 0) await clock.sleep(gap);
    // Written before the request too: if the till dies before the answer, the query still
    // counts at the acquirer, so a restart must wait from it (a little later: it arrives later).
    repos.payments.noteQueried(p.paymentId, iso(clock.now() + IN_FLIGHT_MS));
    const a = await gateway.query(ref);
    // Measured from the answer, not the request: the acquirer counts arrivals, and a slow
    // uplink on one query and a fast one on the next must not put them closer than allowed.
    repos.payments.noteQueried(p.paymentId, iso(clock.now()));
    deps.trace?.(p.paymentId, step, a);
    return a;
  }

  return {
    /** Asks about `p` by its merchant order no. (or `ref`), after any query already waiting. */
    query(p: Payment, step = 'query', ref?: OrderRef): Promise<GatewayAnswer> {
      const before = queue.get(p.paymentId) ?? Promise.resolve();
      const run = before.then(() => ask(p, step, ref ?? { clientSn: p.merchantOrderNo }));
      const tail = run.catch(() => undefined);
      queue.set(p.paymentId, tail);
      void tail.then(() => {
        if (queue.get(p.paymentId) === tail) queue.delete(p.paymentId);
      });
      return run;
    },
    /** How long until `p` may be asked again (0 = now). */
    waitMs(p: Payment): number {
      const last = repos.payments.lastQueriedAt(p.paymentId);
      return last === null ? 0 : Math.max(0, last + minGap - clock.now());
    },
  };
}
export type QueryGate = ReturnType<typeof createQueryGate>;
