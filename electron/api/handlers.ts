import type { Channel } from '../../shared/channels';
import type { Output, ParsedInput } from '../../shared/contract';
import type { AppInfo, PaperPreview, PrintJob } from '../../shared/domain';
import type { PaymentEngine } from '../payments/engine';
import type { RefundService } from '../payments/refunds';
import type { ReceiptService } from '../receipts/service';
import type { SaleService } from '../services/sale';
import type { Technician } from '../services/technician';
import type { Repos } from '../store';
import { orderHandlers } from './handlers/order';
import { payHandlers } from './handlers/pay';
import { printerHandlers } from './handlers/printer';
import { saleHandlers } from './handlers/sale';
import { syncHandlers } from './handlers/sync';
import type { CrossTill } from '../sync/crossTill';
import type { SyncStatus } from '../../shared/api/sync';

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;
};
/** The handlers of some channels: each domain file under handlers/ returns one of these. */
export type SomeHandlers<C extends Channel> = Pick<Handlers, C>;

export interface HandlerDeps {
  info: () => AppInfo;
  sales: SaleService;
  engine: PaymentEngine;
  receipts: ReceiptService;
  refunds: RefundService;
  jobs: Pick<Repos['printJobs'], 'get'>;
  retryPrint: (jobId: string) => Promise<PrintJob>;
  actor: string;
  technician: Technician;
  preview: (orderId: string) => PaperPreview;
  repos: Pick<Repos, 'sales' | 'payments' | 'refunds'>;
  sync: { status(): SyncStatus };
  /** Orders of the store's other tills (store database); null when this till works alone. */
  crossTill: CrossTill | null;
}

/** The contract's implementation: thin, every rule lives in the services. */
export function createHandlers(d: HandlerDeps): Handlers {
  return {
    'app.info': () => d.info(),
    ...saleHandlers(d),
    ...payHandlers(d),
    ...orderHandlers(d),
    ...printerHandlers(d),
    ...syncHandlers(d),
  };
}
