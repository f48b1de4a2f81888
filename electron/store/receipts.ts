import type { Db } from './db';

export interface ReceiptRow {
  orderId: string;
  text: string;
  txtPath: string;
  createdAt: string;
}

export function createReceiptsRepo(db: Db) {
  const insert = db.prepare(
    'INSERT OR REPLACE INTO receipts (order_id, text, txt_path, created_at) VALUES (?, ?, ?, ?)',
  );
  const get = db.prepare<
    [string],
    { order_id: string; text: string; txt_path: string; created_at: string }
  >('SELECT order_id, text, txt_path, created_at FROM receipts WHERE order_id = ?');
  return {
    save(r: ReceiptRow): void {
      insert.run(r.orderId, r.text, r.txtPath, r.createdAt);
    },
    get(orderId: string): ReceiptRow | null {
      const r = get.get(orderId);
      return r
        ? { orderId: r.order_id, text: r.text, txtPath: r.txt_path, createdAt: r.created_at }
        : null;
    },
  };
}
export type ReceiptsRepo = ReturnType<typeof createReceiptsRepo>;
