import type { HandlerDeps, SomeHandlers } from '../handlers';

export function syncHandlers(d: Pick<HandlerDeps, 'sync'>): SomeHandlers<'sync.status'> {
  return { 'sync.status': () => d.sync.status() };
}
