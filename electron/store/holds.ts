import type { HeldSale } from '../../shared/selling/schemas';
import type { Db } from './db';

/**
 * 挂单 / 取单: a sale set aside (HELD) and brought back (OPEN). The store itself refuses to hold
 * a sale with a payment (migration 009's trigger), so a held sale never hides money in flight.
 */
export function createHoldsRepo(db: Db) {
  const q = {
    hold: db.prepare(
      "UPDATE orders SET status = 'HELD', held_by = ?, held_at = ?, updated_at = ? WHERE id = ? AND status = 'OPEN'",
    ),
    recall: db.prepare(
      "UPDATE orders SET status = 'OPEN', held_by = NULL, held_at = NULL, updated_at = ? WHERE id = ? AND status = 'HELD'",
    ),
    heldBy: db.prepare<[string], { held_by: string | null }>(
      "SELECT held_by FROM orders WHERE id = ? AND status = 'HELD'",
    ),
    list: db.prepare<[], HeldSale>(
      `SELECT o.id AS orderId, o.held_at AS heldAt, o.held_by AS heldBy, o.total_fen AS totalFen,
         COALESCE((SELECT SUM(qty) FROM order_lines l WHERE l.order_id = o.id), 0) AS itemCount,
         COALESCE((SELECT name FROM order_lines l WHERE l.order_id = o.id ORDER BY line_no LIMIT 1), '') AS firstItem
       FROM orders o WHERE o.status = 'HELD' ORDER BY o.held_at, o.id`,
    ),
    count: db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM orders WHERE status = 'HELD'"),
    // Only a sale nothing happened to: no lines and no payment of any kind.
    dropEmpty: db.prepare(
      `DELETE FROM orders WHERE id = ? AND status = 'OPEN'
       AND NOT EXISTS (SELECT 1 FROM order_lines WHERE order_id = orders.id)
       AND NOT EXISTS (SELECT 1 FROM payments WHERE order_id = orders.id)`,
    ),
  };
  return {
    hold: (orderId: string, by: string, at: string): boolean =>
      q.hold.run(by, at, at, orderId).changes > 0,
    recall: (orderId: string, at: string): boolean => q.recall.run(at, orderId).changes > 0,
    /** Who held it, or null when the order is not held. */
    heldBy: (orderId: string): string | null => q.heldBy.get(orderId)?.held_by ?? null,
    list: (): HeldSale[] => q.list.all(),
    count: (): number => q.count.get()?.n ?? 0,
    dropEmpty: (orderId: string): boolean => q.dropEmpty.run(orderId).changes > 0,
  };
}
export type HoldsRepo = ReturnType<typeof createHoldsRepo>;
