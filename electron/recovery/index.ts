import type { RECOVERY_STEPS } from '../../shared/api/recovery';
import type { OrderDetail, PrinterStatusView } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import type { EventBus } from '../api/events';
import type { PaymentGateway } from '../gateway/types';
import type { PaymentEngine } from '../payments/engine';
import type { RefundService } from '../payments/refunds';
import type { TemplateState } from '../receipts/template';
import type { Repos } from '../store';
import { iso, type Clock } from '../services/clock';
import { createCases } from './cases';
import { createLookup, type LookupDeps } from './lookup';
import { normalizeNumber } from './numbers';
import { createPrinterCheck } from './printerCheck';
import { createSync } from './sync';
import { orderTimeline } from './timeline';

export interface RecoveryDeps {
  repos: Repos;
  engine: PaymentEngine;
  refunds: RefundService;
  gateway: PaymentGateway;
  clock: Clock;
  events: EventBus;
  dataDir: string;
  /** Who is at the till (issue 9 passes the signed-in user). */
  actor: () => string;
  detail: (orderId: string) => OrderDetail;
  template: () => TemplateState;
  printerStatus: () => Promise<PrinterStatusView>;
  /** The store database's look-up of other tills' orders (null: this till syncs with none). */
  store?: LookupDeps['store'];
}

/** The recovery flow's services (收银异常处理), plain Node, each taking what it needs. */
export function createRecovery(d: RecoveryDeps) {
  const cases = createCases(d);
  return {
    lookup: createLookup({ ...d, gate: d.engine.flow.gate }),
    sync: createSync(d),
    cases,
    timeline: (orderId: string) => {
      if (!d.repos.sales.get(orderId)) throw new TillError('NOT_FOUND', 'orderId');
      return { orderId, entries: orderTimeline(d.repos, orderId) };
    },
    printerCheck: createPrinterCheck({
      repos: d.repos,
      dataDir: d.dataDir,
      template: d.template,
      status: d.printerStatus,
    }),
    /** One wizard step's outcome on the order's timeline. */
    note(input: {
      orderId: string;
      step: (typeof RECOVERY_STEPS)[number];
      outcome: string;
      number?: string | undefined;
    }): { recorded: boolean } {
      if (!d.repos.sales.get(input.orderId)) throw new TillError('NOT_FOUND', 'orderId');
      const number = input.number === undefined ? undefined : normalizeNumber(input.number);
      d.repos.timeline.record({
        orderId: input.orderId,
        caseId: d.repos.cases.openForOrder(input.orderId)?.caseId ?? null,
        at: iso(d.clock.now()),
        actor: d.actor(),
        step: input.step,
        outcome: input.outcome,
        ...(number !== undefined && { detail: { number } }),
      });
      return { recorded: true };
    },
  };
}
export type Recovery = ReturnType<typeof createRecovery>;
