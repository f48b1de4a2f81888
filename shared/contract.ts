import type { z } from 'zod';
import { adjustContract } from './api/adjust';
import { appContract } from './api/app';
import { catalogueContract } from './api/catalogue';
import { displayContract } from './api/display';
import { holdContract } from './api/hold';
import { orderContract } from './api/order';
import { payContract } from './api/pay';
import { DrawerResultSchema, printContract, PrintSummarySchema } from './api/print';
import { printerContract } from './api/printer';
import { saleContract } from './api/sale';
import { setupContract } from './api/setup';
import { storeContract } from './api/store';
import { SyncStatusSchema, syncContract } from './api/sync';
import type { Channel, EventName } from './channels';
import { PaymentSchema, PrintJobSchema, SaleSchema } from './domain';
import { DisplayStateSchema } from './selling/schemas';
import type { Result } from './result';

/**
 * The one API between UI and host. Both bindings (Electron IPC and the kiosk HTTP server)
 * parse requests with these schemas; nothing else crosses the boundary. Each domain keeps its
 * channels in its own file under shared/api/; `satisfies` makes a missing one a type error.
 */
export const contract = {
  ...appContract,
  ...saleContract,
  ...payContract,
  ...orderContract,
  ...printerContract,
  ...printContract,
  ...setupContract,
  ...storeContract,
  ...catalogueContract,
  ...holdContract,
  ...adjustContract,
  ...displayContract,
  ...syncContract,
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  'sale.updated': SaleSchema,
  'payment.updated': PaymentSchema,
  'print.updated': PrintJobSchema,
  'print.summary': PrintSummarySchema,
  'drawer.updated': DrawerResultSchema,
  'display.updated': DisplayStateSchema,
  'sync.updated': SyncStatusSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type Input<C extends Channel> = z.input<(typeof contract)[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<(typeof contract)[C]['input']>;
export type Output<C extends Channel> = z.output<(typeof contract)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** The object the renderer talks to: one method per operation plus a typed event subscription. */
export type TillApi = {
  [C in Channel]: (input: Input<C>) => Promise<Result<Output<C>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
