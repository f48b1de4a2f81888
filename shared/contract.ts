import type { z } from 'zod';
import { adjustContract } from './api/adjust';
import { appContract } from './api/app';
import { auditContract } from './api/audit';
import { authContract, SessionSchema, type Approval } from './api/auth';
import { catalogueContract } from './api/catalogue';
import { displayContract } from './api/display';
import { holdContract } from './api/hold';
import { orderContract } from './api/order';
import { payContract } from './api/pay';
import { DrawerResultSchema, printContract, PrintSummarySchema } from './api/print';
import { printerContract } from './api/printer';
import { CaseCountSchema, recoveryContract } from './api/recovery';
import { saleContract } from './api/sale';
import { searchContract } from './api/search';
import { shiftContract, ShiftSchema } from './api/shift';
import { usersContract } from './api/users';
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
  ...authContract,
  ...usersContract,
  ...auditContract,
  ...searchContract,
  ...shiftContract,
  ...printContract,
  ...setupContract,
  ...storeContract,
  ...recoveryContract,
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
  'auth.changed': SessionSchema,
  'shift.updated': ShiftSchema.nullable(),
  'print.summary': PrintSummarySchema,
  'drawer.updated': DrawerResultSchema,
  'case.updated': CaseCountSchema,
  'display.updated': DisplayStateSchema,
  'sync.updated': SyncStatusSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type Input<C extends Channel> = z.input<(typeof contract)[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<(typeof contract)[C]['input']>;
export type Output<C extends Channel> = z.output<(typeof contract)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/**
 * Any call may carry a supervisor's approval (主管授权) beside its own fields. The boundary takes
 * it off before the channel's schema sees the payload, checks it against the channel's rule in
 * electron/api/permissions.ts, and audits it with the action; channels that need none ignore it.
 */
export type Approved<T> = T & { approval?: Approval };

/** The object the renderer talks to: one method per operation plus a typed event subscription. */
export type TillApi = {
  [C in Channel]: (input: Approved<Input<C>>) => Promise<Result<Output<C>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
