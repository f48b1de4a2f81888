import { createEventBus } from '../../electron/api/events';
import type { GatewaySchedule } from '../../electron/gateway/types';
import { createPaymentEngine } from '../../electron/payments/engine';
import { createReconciler } from '../../electron/payments/reconciler';
import { createRefundService } from '../../electron/payments/refunds';
import { iso } from '../../electron/services/clock';
import { createRepos } from '../../electron/store';
import { openStore } from '../../electron/store/db';
import type { Payment } from '../../shared/domain';
import catalogue from '../../resources/catalogue.json';
import { authCodeFor, type Customer } from './customers';
import { TIMEOUTS, createBenchGateway } from './gateway';
import type { Ending, LoopCtx, LoopResult } from './references';
import { world, type PaymentRecord, type StrategyRun, type WorldOptions } from './world';

export type { PaymentRecord, StrategyRun, WorldOptions };

/**
 * The strategies, each on its own copy of the same day (world.ts): our engine (with or without
 * the reconciler) or one reference loop per payment.
 */

const FINAL = new Set(['PAID', 'FAILED', 'REVERSED', 'NEEDS_MANUAL']);

export interface OursOptions {
  name: string;
  schedule: GatewaySchedule;
  /** Run the real reconciler every `reconcileEveryMs` and once more at the end (a restart). */
  reconcile: boolean;
  reconcileEveryMs?: number;
}

/** Our engine, unmodified, on an in-memory store; as deployed, with the host's reconciler. */
export async function runOurs(
  w: WorldOptions,
  customers: Customer[],
  o: OursOptions,
): Promise<StrategyRun> {
  const t0 = performance.now();
  const { clock, acquirer, net, at } = world(w, customers);
  const gateway = createBenchGateway(acquirer, net, o.schedule);
  const repos = createRepos(openStore(':memory:'));
  repos.products.importAll(catalogue);
  const events = createEventBus();
  const indexOfPayment = new Map<string, number>();
  const knowsAt = new Map<number, number>();
  const first = new Map<number, { ending: Ending; at: number }>();
  const manualAt = new Map<number, number>();
  const errors: unknown[] = [];
  let overpaid = 0;
  events.subscribe((event, payload) => {
    if (event !== 'payment.updated') return;
    const p = payload as Payment;
    const i = indexOfPayment.get(p.paymentId);
    if (i === undefined || !FINAL.has(p.state)) return;
    if (!first.has(i)) first.set(i, { ending: p.state as Ending, at: clock.now() });
    if (p.state === 'NEEDS_MANUAL') {
      if (!manualAt.has(i)) manualAt.set(i, clock.now());
    } else knowsAt.set(i, clock.now());
  });
  const onError = (err: unknown) => errors.push(err);
  // As in electron/host/host.ts: a second success on a paid order is refunded.
  const refunds = createRefundService({ repos, gateway, clock, actor: () => 'system' });
  const engine = createPaymentEngine({
    repos,
    gateway,
    clock,
    events,
    actor: () => 'system',
    tillNo: '01',
    storeName: '基准店',
    onOrderPaid: () => undefined,
    onOverpaid: (p) => {
      overpaid++;
      refunds.refundOverpaid(p).catch(onError);
    },
    onError,
  });
  const reconciler = createReconciler({
    repos,
    engine,
    refunds,
    clock,
    onError,
  });
  const paymentIds: string[] = [];
  let started = 0;
  for (let i = 0; i < customers.length; i++) {
    void clock.sleepUntil(at[i] as number).then(() => {
      const now = iso(clock.now());
      const orderId = `B${String(i).padStart(6, '0')}`;
      const product = catalogue[i % catalogue.length] as (typeof catalogue)[number];
      repos.sales.create(orderId, '基准', now);
      repos.sales.addProduct(orderId, product, 1, now);
      const sale = repos.sales.get(orderId);
      if (!sale) throw new Error(`sale ${orderId} missing`);
      // startWallet stores NEW/SUBMITTING and sends the pay request in the same turn.
      const p = engine.startWallet(sale, authCodeFor(i));
      indexOfPayment.set(p.paymentId, i);
      paymentIds[i] = p.paymentId;
      started++;
    });
  }
  let passes = 0;
  const pass = () => {
    passes++;
    return reconciler.runOnce();
  };
  if (o.reconcile) {
    // The host's reconciler.start(60 s): a pass at start-up, then one every interval (a pass
    // still running is shared, as with setInterval + runOnce). The day ends when every customer
    // has been served and no payment is running; then the till restarts: one more pass.
    const every = o.reconcileEveryMs ?? 60_000;
    const start = clock.now();
    void (async () => {
      void pass();
      for (let k = 1; ; k++) {
        await clock.sleepUntil(start + k * every);
        if (started === customers.length && engine.busy() === 0) break;
        void pass();
      }
      await reconciler.runOnce(); // let a pass in progress finish
      await pass();
    })().catch(onError);
  }
  const wakeUps = await clock.run();
  await engine.settled();
  const records = customers.map((_, i): PaymentRecord => {
    const p = repos.payments.get(paymentIds[i] as string) as Payment;
    if (!FINAL.has(p.state)) errors.push(new Error(`payment ${i} left in ${p.state}`));
    const k = p.state === 'NEEDS_MANUAL' ? undefined : knowsAt.get(i);
    const f = first.get(i) ?? { ending: p.state as Ending, at: clock.now() };
    const m = manualAt.get(i);
    return {
      ending: p.state as Ending,
      startAt: at[i] as number,
      ...(k !== undefined && { knowsAt: k }),
      firstEnding: f.ending,
      firstEndAt: f.at,
      ...(m !== undefined && { manualAt: m }),
      note: p.reasonCode ?? p.state,
    };
  });
  repos.db.close();
  return {
    name: o.name,
    records,
    acquirer,
    net,
    wallMs: performance.now() - t0,
    wakeUps,
    errors,
    reconcilerPasses: o.reconcile ? passes : 0,
    overpaid,
  };
}

/** A reference loop, one instance per payment, on the same world. No reconciler: what it
 * leaves unknown stays NEEDS_MANUAL. */
export async function runLoop(
  w: WorldOptions,
  customers: Customer[],
  name: string,
  loop: (c: LoopCtx) => Promise<LoopResult>,
): Promise<StrategyRun> {
  const t0 = performance.now();
  const { clock, acquirer, net, at } = world(w, customers);
  const records: PaymentRecord[] = [];
  const errors: unknown[] = [];
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i] as Customer;
    const outTradeNo = `R${String(i).padStart(20, '0')}`;
    const ctx: LoopCtx = {
      clock,
      micropay: (timeoutMs = TIMEOUTS.pay) =>
        net.call(i, 'pay', timeoutMs, () =>
          acquirer.micropay({ outTradeNo, authCode: authCodeFor(i), amountFen: c.amountFen }),
        ),
      query: () => net.call(i, 'query', TIMEOUTS.query, () => acquirer.orderquery(outTradeNo)),
      reverse: () => net.call(i, 'reverse', TIMEOUTS.reverse, () => acquirer.reverse(outTradeNo)),
    };
    void clock
      .sleepUntil(at[i] as number)
      .then(() => loop(ctx))
      .then(
        (res) => {
          const now = clock.now();
          records[i] = {
            ending: res.ending,
            startAt: at[i] as number,
            ...(res.ending !== 'NEEDS_MANUAL' && { knowsAt: now }),
            firstEnding: res.ending,
            firstEndAt: now,
            ...(res.ending === 'NEEDS_MANUAL' && { manualAt: now }),
            note: res.note,
          };
        },
        (err: unknown) => errors.push(err),
      );
  }
  const wakeUps = await clock.run();
  return { name, records, acquirer, net, wallMs: performance.now() - t0, wakeUps, errors };
}
