import type { OrderStatus, Sale, SaleLine } from '../../shared/domain';
import { priceSale, type Discount } from '../../shared/selling/pricing';

/** The columns of orders and order_lines a Sale is read from, and how. */
export interface OrderRow {
  id: string;
  status: OrderStatus;
  total_fen: number;
  created_at: string;
  order_discount_kind: Discount['kind'] | null;
  order_discount_value: number | null;
}
export interface LineRow {
  line_no: number;
  barcode: string;
  name: string;
  qty: number;
  unit_price_fen: number;
  kind: SaleLine['kind'];
  unit: string;
  weight_g: number | null;
  weight_derived: number;
  fixed_fen: number | null;
  discount_kind: Discount['kind'] | null;
  discount_value: number | null;
}

export const ORDER_COLS =
  'id, status, total_fen, created_at, order_discount_kind, order_discount_value';
export const LINE_COLS = `line_no, barcode, name, qty, unit_price_fen, kind, unit, weight_g,
  weight_derived, fixed_fen, discount_kind, discount_value`;

const discountOf = (kind: Discount['kind'] | null, value: number | null): Discount | null =>
  kind && value !== null ? { kind, value } : null;

export const orderDiscount = (row: OrderRow): Discount | null =>
  discountOf(row.order_discount_kind, row.order_discount_value);

/** Prices the lines (shared/selling/pricing.ts): the stored discount rules give the amounts. */
export function priceRows(lines: LineRow[], order: Discount | null) {
  return priceSale(
    lines.map((l) => ({
      qty: l.qty,
      unitPriceFen: l.unit_price_fen,
      fixedFen: l.fixed_fen,
      discount: discountOf(l.discount_kind, l.discount_value),
    })),
    order,
  );
}

export function toSale(row: OrderRow, rows: LineRow[]): Sale {
  const priced = priceRows(rows, orderDiscount(row));
  const lines: SaleLine[] = rows.map((l, i) => {
    const p = priced.lines[i] as (typeof priced.lines)[number];
    return {
      lineNo: l.line_no,
      barcode: l.barcode,
      name: l.name,
      qty: l.qty,
      unitPriceFen: l.unit_price_fen,
      totalFen: p.totalFen,
      kind: l.kind,
      unit: l.unit,
      weightG: l.weight_g,
      weightDerived: l.weight_derived === 1,
      grossFen: p.grossFen,
      discountFen: p.discountFen,
      discount: discountOf(l.discount_kind, l.discount_value),
    };
  });
  return {
    orderId: row.id,
    status: row.status,
    lines,
    itemCount: lines.reduce((n, l) => n + l.qty, 0),
    // The stored total is what payments were taken against; it is re-priced on every change.
    totalFen: row.total_fen,
    createdAt: row.created_at,
    subtotalFen: priced.subtotalFen,
    orderDiscount: orderDiscount(row),
    orderDiscountFen: priced.orderDiscountFen,
    discountFen: priced.discountFen,
  };
}
