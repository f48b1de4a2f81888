import { AsyncLocalStorage } from 'node:async_hooks';
import type { SessionUser } from '../../shared/api/auth';
import type { Channel } from '../../shared/channels';

/**
 * Who made the call in progress, and who approved it. The boundary (electron/api/dispatch.ts)
 * runs each handler inside one of these; work the call starts (a payment polled for a minute)
 * keeps it, so its audit rows still name the cashier. Background work outside any call (the
 * reconciler's own rounds) has none and is recorded as 'system'.
 */
export interface CallContext {
  channel: Channel;
  user: SessionUser | null;
  approver: SessionUser | null;
}

const storage = new AsyncLocalStorage<CallContext>();

export const runInCall = <T>(ctx: CallContext, fn: () => T): T => storage.run(ctx, fn);
export const currentCall = (): CallContext | null => storage.getStore() ?? null;

/** The 工号 services write on orders and audit rows. */
export const actorId = (): string => currentCall()?.user?.userId ?? 'system';
