import { currentCall } from '../../auth/callContext';
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
    // A technician's drawer kick is a test; anyone else's is a no-sale opening (approved).
    'printer.test': (opts) =>
      d.technician.test(opts, currentCall()?.user?.role === 'technician' ? 'test' : 'no-sale'),
    'printer.lastJob': () => d.technician.lastJob(),
    'printer.configure': ({ uri, profile }) => d.technician.configure(uri, profile),
    'printer.report': async () => ({ text: await d.technician.report() }),
  };
}
