import type { HandlerDeps, SomeHandlers } from '../handlers';

type SaleChannel = 'sale.current' | 'sale.scan' | 'sale.setQty' | 'sale.removeLine' | 'sale.clear';

export function saleHandlers(d: Pick<HandlerDeps, 'sales'>): SomeHandlers<SaleChannel> {
  return {
    'sale.current': () => d.sales.current(),
    'sale.scan': ({ barcode, qty }) => d.sales.scan(barcode, qty),
    'sale.setQty': ({ lineNo, qty }) => d.sales.setQty(lineNo, qty),
    'sale.removeLine': ({ lineNo }) => d.sales.setQty(lineNo, 0),
    'sale.clear': () => d.sales.clear(),
  };
}
