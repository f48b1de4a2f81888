import type { Channel } from '../../shared/channels';
import type { Output, ParsedInput } from '../../shared/contract';
import type { AppInfo, OrderDetail, PaperPreview } from '../../shared/domain';
import type { PaymentEngine } from '../payments/engine';
import type { RefundService } from '../payments/refunds';
import type { Drawer } from '../receipts/drawer';
import type { PrintQueue } from '../receipts/printQueue';
import type { ReceiptService } from '../receipts/service';
import type { Recovery } from '../recovery';
import type { SaleService } from '../services/sale';
import type { GatewaySetupService } from '../services/gatewaySetup';
import type { StoreTools } from '../services/storeTools';
import type { Technician } from '../services/technician';
import type { TillSession } from '../auth/session';
import type { Staff } from '../auth/staff';
import type { ReportService } from '../reports/service';
import type { Clock } from '../services/clock';
import type { ShiftService } from '../shifts/service';
import type { Repos } from '../store';
import { auditHandlers } from './handlers/audit';
import { authHandlers } from './handlers/auth';
import { orderHandlers } from './handlers/order';
import { payHandlers } from './handlers/pay';
import { printHandlers } from './handlers/print';
import { printerHandlers } from './handlers/printer';
import { recoveryHandlers } from './handlers/recovery';
import { saleHandlers } from './handlers/sale';
import { searchHandlers } from './handlers/search';
import { setupHandlers } from './handlers/setup';
import { shiftHandlers } from './handlers/shift';
import { sellingHandlers, type SellingDeps } from './handlers/selling';
import { syncHandlers } from './handlers/sync';
import type { CrossTill } from '../sync/crossTill';
import type { SyncStatus } from '../../shared/api/sync';

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;
};
/** The handlers of some channels: each domain file under handlers/ returns one of these. */
export type SomeHandlers<C extends Channel> = Pick<Handlers, C>;

export interface HandlerDeps extends SellingDeps {
  info: () => AppInfo;
  sales: SaleService;
  engine: PaymentEngine;
  receipts: ReceiptService;
  refunds: RefundService;
  queue: PrintQueue;
  drawer: Drawer;
  /** 工号 of the signed-in user making the call. */
  actor: () => string;
  technician: Technician;
  preview: (orderId: string) => PaperPreview;
  repos: Pick<Repos, 'sales' | 'payments' | 'refunds' | 'printJobs' | 'audit' | 'search'>;
  setup: GatewaySetupService;
  storeTools: StoreTools;
  session: TillSession;
  staff: Staff;
  shifts: ShiftService;
  reports: ReportService;
  clock: Clock;
  recovery: Recovery;
  /** The order as order.get shows it. */
  detail: (orderId: string) => OrderDetail;
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
    ...printHandlers(d),
    ...setupHandlers(d),
    ...authHandlers(d),
    ...auditHandlers(d),
    ...searchHandlers(d),
    ...shiftHandlers(d),
    ...recoveryHandlers(d),
    ...sellingHandlers(d),
    ...syncHandlers(d),
  };
}
