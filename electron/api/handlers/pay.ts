import type { HandlerDeps, SomeHandlers } from '../handlers';
import { found } from './found';

type PayChannel = 'pay.start' | 'pay.status' | 'pay.cancel';

export function payHandlers(d: Pick<HandlerDeps, 'sales' | 'engine'>): SomeHandlers<PayChannel> {
  return {
    'pay.start': (input) =>
      input.kind === 'wallet'
        ? d.engine.startWallet(d.sales.current(), input.authCode, input.amountFen)
        : d.engine.startCash(d.sales.current(), input.receivedFen, input.partial ?? false),
    'pay.status': ({ paymentId }) => found(d.engine.get(paymentId), 'paymentId'),
    'pay.cancel': ({ paymentId }) => d.engine.cancel(paymentId),
  };
}
