import type { Db } from './db';

export interface DiscountTotals {
  orders: number;
  /** Σ goods before any discount. */
  subtotalFen: number;
  lineDiscountFen: number;
  orderDiscountFen: number;
  /** lineDiscountFen + orderDiscountFen. */
  discountFen: number;
  /** What customers paid for those orders. */
  totalFen: number;
  /** Orders that had any discount. */
  discountedOrders: number;
}

/**
 * Discounts as shift and day reports count them (issue 9 prints them): over PAID orders by
 * paid_at, from the amounts stored with each order and line when it was priced.
 */
export function createDiscountReport(db: Db) {
  const q = db.prepare<[string, string], DiscountTotals>(
    `SELECT COUNT(*) AS orders,
       COALESCE(SUM(subtotal_fen), 0) AS subtotalFen,
       COALESCE(SUM(discount_fen - order_discount_fen), 0) AS lineDiscountFen,
       COALESCE(SUM(order_discount_fen), 0) AS orderDiscountFen,
       COALESCE(SUM(discount_fen), 0) AS discountFen,
       COALESCE(SUM(total_fen), 0) AS totalFen,
       COALESCE(SUM(discount_fen > 0), 0) AS discountedOrders
     FROM orders WHERE status = 'PAID' AND paid_at >= ? AND paid_at < ?`,
  );
  return {
    /** [fromIso, toIso) */
    totals: (fromIso: string, toIso: string): DiscountTotals =>
      q.get(fromIso, toIso) as DiscountTotals,
  };
}
