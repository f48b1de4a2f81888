import type { OrderStatus, Product, Sale } from '../../shared/domain';
import type { Discount } from '../../shared/selling/pricing';
import type { Db } from './db';
import {
  LINE_COLS,
  ORDER_COLS,
  orderDiscount,
  priceRows,
  toSale,
  type LineRow,
  type OrderRow,
} from './saleRows';

/** A line that is never merged with another: weighed goods (each label its own) and open price. */
export interface NewLine {
  kind: 'weighed' | 'open';
  barcode: string;
  name: string;
  unit: string;
  qty: number;
  unitPriceFen: number;
  weightG: number | null;
  weightDerived: boolean;
  /** The line's amount when it is not qty × unit price (a scale label's price). */
  fixedFen: number | null;
}

/** Orders and their lines. Every change is written at once, so a crash brings the cart back. */
export function createSalesRepo(db: Db) {
  const q = {
    open: db.prepare<[], OrderRow>(
      `SELECT ${ORDER_COLS} FROM orders WHERE status IN ('OPEN','PAYING')
       ORDER BY created_at DESC LIMIT 1`,
    ),
    order: db.prepare<[string], OrderRow>(`SELECT ${ORDER_COLS} FROM orders WHERE id = ?`),
    lines: db.prepare<[string], LineRow>(
      `SELECT ${LINE_COLS} FROM order_lines WHERE order_id = ? ORDER BY line_no`,
    ),
    insertOrder: db.prepare(
      `INSERT INTO orders (id, status, cashier, total_fen, created_at, updated_at) VALUES (?, 'OPEN', ?, 0, ?, ?)`,
    ),
    insertLine: db.prepare(
      `INSERT INTO order_lines (order_id, line_no, barcode, name, qty, unit_price_fen, kind, unit,
         weight_g, weight_derived, fixed_fen)
       VALUES (@orderId, COALESCE((SELECT MAX(line_no) FROM order_lines WHERE order_id = @orderId), 0) + 1,
         @barcode, @name, @qty, @unitPriceFen, @kind, @unit, @weightG, @weightDerived, @fixedFen)`,
    ),
    lineByBarcode: db.prepare<[string, string], { line_no: number; qty: number }>(
      "SELECT line_no, qty FROM order_lines WHERE order_id = ? AND barcode = ? AND kind = 'item'",
    ),
    setQty: db.prepare('UPDATE order_lines SET qty = ? WHERE order_id = ? AND line_no = ?'),
    deleteLine: db.prepare('DELETE FROM order_lines WHERE order_id = ? AND line_no = ?'),
    deleteLines: db.prepare('DELETE FROM order_lines WHERE order_id = ?'),
    lineDiscount: db.prepare(
      'UPDATE order_lines SET discount_kind = ?, discount_value = ? WHERE order_id = ? AND line_no = ?',
    ),
    lineDiscountFen: db.prepare(
      'UPDATE order_lines SET discount_fen = ? WHERE order_id = ? AND line_no = ?',
    ),
    orderDiscount: db.prepare(
      'UPDATE orders SET order_discount_kind = ?, order_discount_value = ? WHERE id = ?',
    ),
    totals: db.prepare(
      `UPDATE orders SET subtotal_fen = ?, order_discount_fen = ?, discount_fen = ?, total_fen = ?,
       updated_at = ? WHERE id = ?`,
    ),
    paying: db.prepare<[], { id: string }>("SELECT id FROM orders WHERE status = 'PAYING'"),
    status: db.prepare(
      'UPDATE orders SET status = ?, updated_at = ?, paid_at = COALESCE(?, paid_at) WHERE id = ?',
    ),
    cashier: db.prepare<[string], string>('SELECT cashier FROM orders WHERE id = ?').pluck(),
    setCashier: db.prepare('UPDATE orders SET cashier = ? WHERE id = ?'),
    refunded: db.prepare(
      'UPDATE orders SET refunded_fen = refunded_fen + ?, updated_at = ? WHERE id = ?',
    ),
  };

  const read = (row: OrderRow | undefined): Sale | null =>
    row ? toSale(row, q.lines.all(row.id)) : null;
  /** Prices the order again and stores every amount: lines' discounts and the order's totals. */
  const retotal = (orderId: string, at: string) => {
    const row = q.order.get(orderId);
    if (!row) return;
    const lines = q.lines.all(orderId);
    const priced = priceRows(lines, orderDiscount(row));
    lines.forEach((l, i) =>
      q.lineDiscountFen.run(priced.lines[i]?.discountFen ?? 0, orderId, l.line_no),
    );
    q.totals.run(
      priced.subtotalFen,
      priced.orderDiscountFen,
      priced.discountFen,
      priced.totalFen,
      at,
      orderId,
    );
  };

  return {
    current: (): Sale | null => read(q.open.get()),
    get: (orderId: string): Sale | null => read(q.order.get(orderId)),
    create(orderId: string, cashier: string, at: string): void {
      q.insertOrder.run(orderId, cashier, at, at);
    },
    /** Scanning the same goods again adds to its line, as cashiers expect. */
    addProduct: db.transaction(
      (orderId: string, p: Product & { unit?: string }, qty: number, at: string) => {
        const existing = q.lineByBarcode.get(orderId, p.barcode);
        if (existing) q.setQty.run(existing.qty + qty, orderId, existing.line_no);
        else {
          q.insertLine.run({
            orderId,
            barcode: p.barcode,
            name: p.name,
            qty,
            unitPriceFen: p.priceFen,
            kind: 'item',
            unit: p.unit ?? '',
            weightG: null,
            weightDerived: 0,
            fixedFen: null,
          });
        }
        retotal(orderId, at);
      },
    ),
    addLine: db.transaction((orderId: string, l: NewLine, at: string) => {
      q.insertLine.run({ orderId, ...l, weightDerived: l.weightDerived ? 1 : 0 });
      retotal(orderId, at);
    }),
    /** The counted line of this barcode (where a scan would add), for limit checks. */
    lineOf: (orderId: string, barcode: string) => q.lineByBarcode.get(orderId, barcode) ?? null,
    setQty: db.transaction((orderId: string, lineNo: number, qty: number, at: string): boolean => {
      const changed =
        qty === 0 ? q.deleteLine.run(orderId, lineNo) : q.setQty.run(qty, orderId, lineNo);
      retotal(orderId, at);
      return changed.changes > 0;
    }),
    setLineDiscount: db.transaction(
      (orderId: string, lineNo: number, d: Discount | null, at: string): boolean => {
        const changed = q.lineDiscount.run(d?.kind ?? null, d?.value ?? null, orderId, lineNo);
        retotal(orderId, at);
        return changed.changes > 0;
      },
    ),
    setOrderDiscount: db.transaction((orderId: string, d: Discount | null, at: string) => {
      q.orderDiscount.run(d?.kind ?? null, d?.value ?? null, orderId);
      retotal(orderId, at);
    }),
    clearLines: db.transaction((orderId: string, at: string) => {
      q.deleteLines.run(orderId);
      q.orderDiscount.run(null, null, orderId);
      retotal(orderId, at);
    }),
    payingIds: (): string[] => q.paying.all().map((r) => r.id),
    setStatus(orderId: string, status: OrderStatus, at: string): void {
      q.status.run(status, at, status === 'PAID' ? at : null, orderId);
    },
    /** 工号 of whoever took the order's payment (receipts and reports name them). */
    cashierOf: (orderId: string): string | null => q.cashier.get(orderId) ?? null,
    setCashier: (orderId: string, cashier: string): void => void q.setCashier.run(cashier, orderId),
    /** Kept with each confirmed refund, so search can filter refunded orders by index. */
    addRefunded: (orderId: string, fen: number, at: string): void =>
      void q.refunded.run(fen, at, orderId),
  };
}
export type SalesRepo = ReturnType<typeof createSalesRepo>;
