import type { Repos } from '../store';
import { iso, type Clock } from '../services/clock';
import type { PaymentEngine } from './engine';
import type { RefundService } from './refunds';
import { settleOrder } from './tender';

export interface ReconcilerDeps {
  repos: Pick<Repos, 'payments' | 'sales'>;
  engine: PaymentEngine;
  refunds: RefundService;
  clock: Clock;
  /** How far back an unpaid ending is re-checked for a late charge (Alipay cancel window: 24 h). */
  lookBackMs?: number;
  /**
   * How long after a reversal it is checked, once, for a charge that went through after all (an
   * acquirer that answered the reverse without acting): well past any query rate limit.
   */
  recheckMs?: number;
  onError?: (err: unknown) => void;
}

/**
 * Resolves what no cashier is waiting for: payments a crash left unfinished, supervisor cases
 * whose cancel could not be confirmed, unpaid endings the customer was charged for after all
 * (kept as PAID, or refunded if the sale was paid otherwise), and refunds left uncertain.
 */
export function createReconciler(deps: ReconcilerDeps) {
  const { repos, engine, clock } = deps;
  const lookBack = deps.lookBackMs ?? 24 * 3600_000;
  const recheck = deps.recheckMs ?? 5 * 60_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  async function lateCharges(): Promise<void> {
    const now = clock.now();
    for (const p of repos.payments.reversedUnchecked(iso(now - lookBack), iso(now - recheck))) {
      // Through the engine's query gate: the rate limit holds against every other query.
      const a = await engine.flow.query(p, 'late-charge');
      repos.payments.markChecked(p.paymentId, iso(clock.now()));
      if (engine.flow.outcome(p, a) === 'PAID') engine.flow.paid(p, a);
    }
  }

  async function once(): Promise<void> {
    // An order left PAYING with no payment under way (e.g. all its attempts ended) opens again.
    for (const id of repos.sales.payingIds()) settleOrder(repos, id, iso(clock.now()));
    engine.resumeAll();
    engine.retryManual();
    await lateCharges();
    await deps.refunds.retryPending();
  }

  return {
    /** One full pass; concurrent calls share the pass in progress. */
    runOnce(): Promise<void> {
      running ??= once()
        .catch((err: unknown) => deps.onError?.(err))
        .finally(() => (running = null));
      return running;
    },
    start(intervalMs = 60_000): void {
      void this.runOnce();
      timer = setInterval(() => void this.runOnce(), intervalMs);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
