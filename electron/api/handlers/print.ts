import type { HandlerDeps, SomeHandlers } from '../handlers';

type PrintChannel =
  | 'print.summary'
  | 'print.queue'
  | 'print.cancel'
  | 'drawer.open'
  | 'drawer.retry'
  | 'drawer.result';

/** The print queue and the cash drawer: each privileged action its own channel. */
export function printHandlers(
  d: Pick<HandlerDeps, 'queue' | 'drawer' | 'repos'>,
): SomeHandlers<PrintChannel> {
  return {
    'print.summary': () => d.queue.summary(),
    'print.queue': () => ({ jobs: d.repos.printJobs.listForQueue(), summary: d.queue.summary() }),
    'print.cancel': ({ jobId, reason }) => d.queue.cancel(jobId, reason),
    'drawer.open': ({ note }) => d.drawer.noSale(note),
    'drawer.retry': ({ orderId }) => d.drawer.retry(orderId),
    'drawer.result': ({ orderId }) => d.drawer.result(orderId),
  };
}
