import type { Sale } from '../../../shared/domain';
import { priceSale, type Discount } from '../../../shared/selling/pricing';

/** The fake's limit per line (the host's default is 999; small here so tests reach it). */
export const FAKE_LINE_QTY = 99;

/** Lines and totals priced as the host prices them. */
export function repriced(lines: Sale['lines'], order: Discount | null) {
  const priced = priceSale(
    lines.map((l) => ({
      qty: l.qty,
      unitPriceFen: l.unitPriceFen,
      fixedFen: l.kind === 'weighed' ? l.grossFen : null,
      discount: l.discount,
    })),
    order,
  );
  return {
    lines: lines.map((l, i) => ({ ...l, ...priced.lines[i] })),
    itemCount: lines.reduce((n, l) => n + l.qty, 0),
    subtotalFen: priced.subtotalFen,
    orderDiscount: order,
    orderDiscountFen: priced.orderDiscountFen,
    discountFen: priced.discountFen,
    totalFen: priced.totalFen,
  };
}
