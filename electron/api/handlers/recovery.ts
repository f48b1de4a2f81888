import type { HandlerDeps, SomeHandlers } from '../handlers';

type RecoveryChannel =
  | 'order.lookup'
  | 'order.sync'
  | 'order.timeline'
  | 'order.attachPayment'
  | 'sale.park'
  | 'case.list'
  | 'case.record'
  | 'case.recordUnmatched'
  | 'case.resolve'
  | 'recovery.note'
  | 'recovery.printerCheck';

/** The recovery flow (shared/api/recovery.ts); every rule lives in electron/recovery/. */
export function recoveryHandlers(
  d: Pick<HandlerDeps, 'recovery' | 'detail'>,
): SomeHandlers<RecoveryChannel> {
  const r = d.recovery;
  return {
    'order.lookup': ({ number }) => r.lookup(number),
    'order.sync': ({ paymentId }) => r.sync(paymentId),
    'order.timeline': ({ orderId }) => r.timeline(orderId),
    'order.attachPayment': async ({ number, orderId }) =>
      d.detail(await r.cases.attach(number, orderId)),
    'sale.park': () => r.cases.park(),
    'case.list': () => r.cases.list(),
    'case.record': (input) => r.cases.record(input),
    'case.recordUnmatched': ({ number }) => r.cases.recordUnmatched(number),
    'case.resolve': ({ caseId, action, requestId }) => r.cases.resolve(caseId, action, requestId),
    'recovery.note': (input) => r.note(input),
    'recovery.printerCheck': ({ orderId }) => r.printerCheck(orderId),
  };
}
