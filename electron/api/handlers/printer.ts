import type { HandlerDeps, SomeHandlers } from '../handlers';

type PrinterChannel =
  | 'printer.info'
  | 'printer.list'
  | 'printer.status'
  | 'printer.test'
  | 'printer.lastJob'
  | 'printer.configure'
  | 'printer.report';

export function printerHandlers(d: Pick<HandlerDeps, 'technician'>): SomeHandlers<PrinterChannel> {
  return {
    'printer.info': () => d.technician.info(),
    'printer.list': () => d.technician.list(),
    'printer.status': () => d.technician.status(),
    'printer.test': (opts) => d.technician.test(opts),
    'printer.lastJob': () => d.technician.lastJob(),
    'printer.configure': ({ uri, profile, font }) => d.technician.configure(uri, profile, font),
    'printer.report': async () => ({ text: await d.technician.report() }),
  };
}
