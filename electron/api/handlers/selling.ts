import type { Catalogue } from '../../catalogue/service';
import type { AdjustService } from '../../services/adjust';
import type { CustomerDisplay } from '../../services/display';
import type { HoldService } from '../../services/hold';
import type { SomeHandlers } from '../handlers';

type SellingChannel =
  | 'product.search'
  | 'product.setPrice'
  | 'catalogue.info'
  | 'sale.hold'
  | 'sale.held'
  | 'sale.recall'
  | 'sale.discount'
  | 'sale.openPrice'
  | 'display.state';

export interface SellingDeps {
  catalogue: Catalogue;
  holds: HoldService;
  adjust: AdjustService;
  display: CustomerDisplay;
}

/** Catalogue, hold/recall, discounts, open price and the customer display (issue 11). */
export function sellingHandlers(d: SellingDeps): SomeHandlers<SellingChannel> {
  return {
    'product.search': ({ query, limit }) => d.catalogue.search(query, limit),
    'product.setPrice': ({ barcode, priceFen }) => d.catalogue.setPrice(barcode, priceFen),
    'catalogue.info': () => d.catalogue.info(),
    'sale.hold': () => d.holds.hold(),
    'sale.held': () => ({ held: d.holds.list() }),
    'sale.recall': ({ orderId }) => d.holds.recall(orderId),
    'sale.discount': (input) => d.adjust.discount(input),
    'sale.openPrice': (input) => d.adjust.openPrice(input),
    'display.state': () => d.display.state(),
  };
}
