/**
 * What a sale costs, from its lines and discounts. Money is integer fen; every division rounds
 * half up (四舍五入) to a whole fen, the rule Chinese shoppers expect on paper.
 * One pure function, used by the host (which stores the result) and by the UI's fake host.
 */

export type DiscountKind = 'amount' | 'percent';
/** amount: fen off; percent: per cent off (15 = 15 % off = 八五折). */
export interface Discount {
  kind: DiscountKind;
  value: number;
}

export interface LineToPrice {
  qty: number;
  unitPriceFen: number;
  /** Set when the line's amount is not qty × unit price: weighed goods (from the label). */
  fixedFen: number | null;
  discount: Discount | null;
}

export interface PricedLine {
  grossFen: number;
  discountFen: number;
  totalFen: number;
}

export interface PricedSale {
  lines: PricedLine[];
  /** Σ line amounts before any discount. */
  subtotalFen: number;
  /** The whole-order discount, in fen. */
  orderDiscountFen: number;
  /** Every discount together: lines' and the order's (what reports add up). */
  discountFen: number;
  /** What the customer pays. */
  totalFen: number;
}

/** a × b / c rounded half up, for non-negative integers (no float money). */
export function mulDivRound(a: number, b: number, c: number): number {
  return Math.floor((2 * a * b + c) / (2 * c));
}

/** The amount of a product sold by weight: price per unit × grams / grams per unit. */
export function weighedFen(unitPriceFen: number, grams: number, gramsPerUnit: number): number {
  return mulDivRound(unitPriceFen, grams, gramsPerUnit);
}

/**
 * The fen taken off `base`. A percent discount rounds what is paid, not what is given:
 * paid = base × (100 − p) / 100 rounded half up, discount = base − paid. An amount discount
 * never takes off more than there is.
 */
export function discountOff(base: number, d: Discount | null): number {
  if (!d || base <= 0) return 0;
  if (d.kind === 'amount') return Math.min(Math.max(0, d.value), base);
  const pct = Math.min(Math.max(0, d.value), 100);
  return base - mulDivRound(base, 100 - pct, 100);
}

export const lineGross = (l: Pick<LineToPrice, 'qty' | 'unitPriceFen' | 'fixedFen'>): number =>
  l.fixedFen ?? l.qty * l.unitPriceFen;

export function priceSale(lines: readonly LineToPrice[], order: Discount | null): PricedSale {
  const priced = lines.map((l): PricedLine => {
    const grossFen = lineGross(l);
    const discountFen = discountOff(grossFen, l.discount);
    return { grossFen, discountFen, totalFen: grossFen - discountFen };
  });
  const subtotalFen = priced.reduce((n, l) => n + l.grossFen, 0);
  const afterLines = priced.reduce((n, l) => n + l.totalFen, 0);
  const orderDiscountFen = discountOff(afterLines, order);
  return {
    lines: priced,
    subtotalFen,
    orderDiscountFen,
    discountFen: subtotalFen - afterLines + orderDiscountFen,
    totalFen: afterLines - orderDiscountFen,
  };
}
