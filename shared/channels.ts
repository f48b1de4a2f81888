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
  'print.summary',
  'drawer.updated',
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
