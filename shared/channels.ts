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
  'sync.status',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const EVENTS = ['sale.updated', 'payment.updated', 'print.updated', 'sync.updated'] as const;
export type EventName = (typeof EVENTS)[number];

export const isChannel = (name: string): name is Channel =>
  (CHANNELS as readonly string[]).includes(name);
export const isEventName = (name: string): name is EventName =>
  (EVENTS as readonly string[]).includes(name);
