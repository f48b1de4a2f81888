import { TillError } from '../../shared/errors';
import type { GatewayMode } from '../host/gatewayMode';
import type { Handlers } from './handlers';

/** Channels that move money through the acquirer: none of them runs before one is configured. */
const MONEY = ['pay.start', 'order.refund'] as const;

/** Setup mode takes no payments and makes no refunds; everything else (cart, printer, setup) works. */
export function guardSetupMode(handlers: Handlers, mode: () => GatewayMode): Handlers {
  const guarded = { ...handlers };
  for (const channel of MONEY) {
    const inner = handlers[channel] as (input: never) => unknown;
    (guarded as Record<string, unknown>)[channel] = (input: never) => {
      if (mode() === 'setup') throw new TillError('NOT_CONFIGURED');
      return inner(input);
    };
  }
  return guarded;
}
