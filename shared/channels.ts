/**
 * Channel and event names alone, without schemas: the preload bundles this file and nothing
 * heavier, so the sandboxed preload stays tiny and can only ever reach these names.
 */
export const CHANNELS = [
  'app.info',
  'sale.current',
  'sale.scan',
  'sale.setQty',
  'sale.removeLine',
  'sale.clear',
  'pay.start',
  'pay.status',
  'pay.cancel',
  'order.refund',
  'order.get',
  'order.find',
  'receipt.get',
  'receipt.reprint',
  'print.retry',
  'receipt.preview',
  'printer.info',
  'printer.list',
  'printer.status',
  'printer.test',
  'printer.lastJob',
  'printer.configure',
  'printer.report',
  'auth.current',
  'auth.signIn',
  'auth.signOut',
  'auth.setup',
  'user.list',
  'user.add',
  'user.setActive',
  'user.resetPin',
  'audit.list',
  'audit.verify',
  'order.search',
  'shift.current',
  'shift.open',
  'shift.beginClose',
  'shift.cancelClose',
  'shift.close',
  'report.x',
  'report.day',
  'report.list',
  'report.get',
  'report.reprint',
  'print.summary',
  'print.queue',
  'print.cancel',
  'drawer.open',
  'drawer.retry',
  'drawer.result',
  'gateway.info',
  'gateway.configure',
  'store.check',
  'store.backup',
  // Recovery flow (issue 7): shared/api/recovery.ts.
  'order.lookup',
  'order.sync',
  'order.timeline',
  'order.attachPayment',
  'sale.park',
  'case.list',
  'case.record',
  'case.recordUnmatched',
  'case.resolve',
  'recovery.note',
  'recovery.printerCheck',
  'product.search',
  'product.setPrice',
  'catalogue.info',
  'sale.hold',
  'sale.held',
  'sale.recall',
  'sale.discount',
  'sale.openPrice',
  'display.state',
  'sync.status',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const EVENTS = [
  'sale.updated',
  'payment.updated',
  'print.updated',
  'auth.changed',
  'shift.updated',
  'print.summary',
  'drawer.updated',
  'case.updated',
  'display.updated',
  'sync.updated',
] as const;
export type EventName = (typeof EVENTS)[number];

/** All a view-only caller (the customer display's token or window) may call and hear. */
export const VIEW_CHANNELS: readonly Channel[] = ['display.state'];
export const VIEW_EVENTS: readonly EventName[] = ['display.updated'];

export const isChannel = (name: string): name is Channel =>
  (CHANNELS as readonly string[]).includes(name);
export const isEventName = (name: string): name is EventName =>
  (EVENTS as readonly string[]).includes(name);
