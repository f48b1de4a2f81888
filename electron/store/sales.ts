import type { OrderStatus, Product, Sale, SaleLine } from '../../shared/domain';
import type { Db } from './db';

interface OrderRow {
  id: string;
  status: OrderStatus;
  total_fen: number;
  created_at: string;
}
interface LineRow {
  line_no: number;
  barcode: string;
  name: string;
  qty: number;
  unit_price_fen: number;
}

/** Orders and their lines. Every change is written at once, so a crash brings the cart back. */
export function createSalesRepo(db: Db) {
  const q = {
    open: db.prepare<[], OrderRow>(
      `SELECT id, status, total_fen, created_at FROM orders WHERE status IN ('OPEN','PAYING')
       ORDER BY created_at DESC LIMIT 1`,
    ),
    order: db.prepare<[string], OrderRow>(
      'SELECT id, status, total_fen, created_at FROM orders WHERE id = ?',
    ),
    lines: db.prepare<[string], LineRow>(
      'SELECT line_no, barcode, name, qty, unit_price_fen FROM order_lines WHERE order_id = ? ORDER BY line_no',
    ),
    insertOrder: db.prepare(
      `INSERT INTO orders (id, status, cashier, total_fen, created_at, updated_at) VALUES (?, 'OPEN', ?, 0, ?, ?)`,
    ),
    insertLine: db.prepare(
      `INSERT INTO order_lines (order_id, line_no, barcode, name, qty, unit_price_fen)
       VALUES (?, COALESCE((SELECT MAX(line_no) FROM order_lines WHERE order_id = ?), 0) + 1, ?, ?, ?, ?)`,
    ),
    lineByBarcode: db.prepare<[string, string], { line_no: number; qty: number }>(
      'SELECT line_no, qty FROM order_lines WHERE order_id = ? AND barcode = ?',
    ),
    setQty: db.prepare('UPDATE order_lines SET qty = ? WHERE order_id = ? AND line_no = ?'),
    deleteLine: db.prepare('DELETE FROM order_lines WHERE order_id = ? AND line_no = ?'),
    deleteLines: db.prepare('DELETE FROM order_lines WHERE order_id = ?'),
    total: db.prepare(
      `UPDATE orders SET total_fen = (SELECT COALESCE(SUM(qty * unit_price_fen), 0) FROM order_lines WHERE order_id = ?),
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

  const toSale = (row: OrderRow): Sale => {
    const lines: SaleLine[] = q.lines.all(row.id).map((l) => ({
      lineNo: l.line_no,
      barcode: l.barcode,
      name: l.name,
      qty: l.qty,
      unitPriceFen: l.unit_price_fen,
      totalFen: l.qty * l.unit_price_fen,
    }));
    return {
      orderId: row.id,
      status: row.status,
      lines,
      itemCount: lines.reduce((n, l) => n + l.qty, 0),
      totalFen: row.total_fen,
      createdAt: row.created_at,
    };
  };
  const retotal = (orderId: string, at: string) => q.total.run(orderId, at, orderId);

  return {
    current(): Sale | null {
      const row = q.open.get();
      return row ? toSale(row) : null;
    },
    get(orderId: string): Sale | null {
      const row = q.order.get(orderId);
      return row ? toSale(row) : null;
    },
    create(orderId: string, cashier: string, at: string): void {
      q.insertOrder.run(orderId, cashier, at, at);
    },
    /** Scanning the same goods again adds to its line, as cashiers expect. */
    addProduct: db.transaction((orderId: string, p: Product, qty: number, at: string) => {
      const existing = q.lineByBarcode.get(orderId, p.barcode);
      if (existing) q.setQty.run(existing.qty + qty, orderId, existing.line_no);
      else q.insertLine.run(orderId, orderId, p.barcode, p.name, qty, p.priceFen);
      retotal(orderId, at);
    }),
    setQty: db.transaction((orderId: string, lineNo: number, qty: number, at: string): boolean => {
      const changed =
        qty === 0 ? q.deleteLine.run(orderId, lineNo) : q.setQty.run(qty, orderId, lineNo);
      retotal(orderId, at);
      return changed.changes > 0;
    }),
    clearLines: db.transaction((orderId: string, at: string) => {
      q.deleteLines.run(orderId);
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
