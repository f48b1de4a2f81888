import type { HandlerDeps, SomeHandlers } from '../handlers';

type SetupChannel = 'gateway.info' | 'gateway.configure' | 'store.check' | 'store.backup';

export function setupHandlers(
  d: Pick<HandlerDeps, 'setup' | 'storeTools' | 'actor'>,
): SomeHandlers<SetupChannel> {
  return {
    'gateway.info': () => d.setup.info(),
    'gateway.configure': (input) => d.setup.configure(input),
    'store.check': () => d.storeTools.check(),
    'store.backup': () => d.storeTools.backup(d.actor),
  };
}
