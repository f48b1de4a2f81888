import type { Sale, SaleLine } from '../../shared/domain';

/** A counted goods line with no discount; tests give what matters to them. */
export function saleLine(
  l: Pick<SaleLine, 'lineNo' | 'barcode' | 'name' | 'qty' | 'unitPriceFen'> & Partial<SaleLine>,
): SaleLine {
  const gross = l.grossFen ?? l.qty * l.unitPriceFen;
  return {
    kind: 'item',
    unit: '',
    weightG: null,
    weightDerived: false,
    discount: null,
    discountFen: 0,
    grossFen: gross,
    totalFen: gross - (l.discountFen ?? 0),
    ...l,
  };
}

/** A sale of those lines with no discounts: subtotal = total. */
export function saleOf(s: Pick<Sale, 'orderId' | 'status' | 'lines'> & Partial<Sale>): Sale {
  const subtotal = s.lines.reduce((n, l) => n + l.grossFen, 0);
  const discount = s.lines.reduce((n, l) => n + l.discountFen, 0);
  return {
    itemCount: s.lines.reduce((n, l) => n + l.qty, 0),
    totalFen: subtotal - discount,
    createdAt: '',
    subtotalFen: subtotal,
    orderDiscount: null,
    orderDiscountFen: 0,
    discountFen: discount,
    ...s,
  };
}
