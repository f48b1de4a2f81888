import type { ClientBase } from 'pg';
import type { OrderSummary } from '../../shared/api/search';
import type { OrderStatus, PaymentMethod } from '../../shared/domain';
import { stateOf, UNFINISHED, type SearchFilter } from '../store/search';

/** An order of another till, as order.search lists it, with the till that sold it. */
export type StoreOrderSummary = OrderSummary & { origin: { tillNo: string; remote: true } };

// A payment of the order's own till (pushed rows are keyed by till: ids may repeat across tills).
const PAYMENT = `FROM till_rows p WHERE p.tbl = 'payments' AND p.till_id = o.till_id
  AND p.data->>'order_id' = o.row_key`;
const NUMBERS = ['merchant_order_no', 'platform_order_no', 'third_party_order_no'];

/**
 * The till's own search (electron/store/search.ts) over the other tills' pushed rows: the same
 * filters, newest first. A number is matched whole or by its last 4+ characters through the
 * suffix indexes of store migration 004. A refund made through the store database (a claim)
 * counts as the order's refund, as the till that sold it does not know it.
 */
export async function searchStoreOrders(
  db: ClientBase,
  f: SearchFilter,
  skipTill: string,
): Promise<StoreOrderSummary[]> {
  const args: unknown[] = [skipTill];
  const arg = (v: unknown) => `$${args.push(v)}`;
  const where = [
    "o.tbl = 'orders'",
    'o.data IS NOT NULL',
    `o.till_id <> $1`,
    "NOT (o.data->>'status' = 'OPEN' AND (o.data->>'total_fen')::int = 0)",
  ];
  if (f.number) {
    const n = arg(f.number);
    const tail = arg(f.number.slice(-4));
    const len = arg(f.number.length);
    const byNo = NUMBERS.map(
      (c) => `(right(p.data->>'${c}', 4) = ${tail} AND right(p.data->>'${c}', ${len}) = ${n})`,
    ).join(' OR ');
    where.push(`(o.row_key = ${n} OR (o.till_id, o.row_key) IN (
      SELECT p.till_id, p.data->>'order_id' FROM till_rows p WHERE p.tbl = 'payments' AND (${byNo})))`);
  }
  if (f.fromAt) where.push(`o.data->>'created_at' >= ${arg(f.fromAt)}`);
  if (f.toAt) where.push(`o.data->>'created_at' < ${arg(f.toAt)}`);
  if (f.minFen !== undefined) where.push(`(o.data->>'total_fen')::int >= ${arg(f.minFen)}`);
  if (f.maxFen !== undefined) where.push(`(o.data->>'total_fen')::int <= ${arg(f.maxFen)}`);
  if (f.cashier) where.push(`o.data->>'cashier' = ${arg(f.cashier)}`);
  if (f.method)
    where.push(`EXISTS (SELECT 1 ${PAYMENT} AND p.data->>'method' = ${arg(f.method)}
      AND p.data->>'state' NOT IN ('FAILED', 'REVERSED'))`);
  const refunded = `GREATEST(COALESCE((o.data->>'refunded_fen')::int, 0), COALESCE(c.amount_fen, 0))`;
  const paid = `o.data->>'status' = 'PAID'`;
  const status: Record<NonNullable<SearchFilter['status']>, string> = {
    paid: `${paid} AND ${refunded} = 0`,
    refunded: `${paid} AND ${refunded} > 0 AND ${refunded} >= (o.data->>'total_fen')::int`,
    partly_refunded: `${paid} AND ${refunded} > 0 AND ${refunded} < (o.data->>'total_fen')::int`,
    parked: `o.data->>'status' = 'PARKED'`,
    unresolved: `EXISTS (SELECT 1 ${PAYMENT} AND p.data->>'state' IN ${UNFINISHED})`,
  };
  if (f.status) where.push(status[f.status]);
  const orders = await db.query<{
    till_id: string;
    id: string;
    d: Record<string, unknown>;
    refunded: number;
  }>(
    `SELECT o.till_id, o.row_key AS id, o.data AS d, ${refunded} AS refunded
       FROM till_rows o
       LEFT JOIN refund_claims c ON c.order_till = o.till_id AND c.order_id = o.row_key AND c.state = 'REFUNDED'
      WHERE ${where.join(' AND ')}
      ORDER BY o.data->>'created_at' DESC, o.row_key DESC LIMIT ${arg(f.limit)} OFFSET ${arg(f.offset)}`,
    args,
  );
  if (orders.rows.length === 0) return [];
  const pays = await db.query<{ till_id: string; d: Record<string, unknown> }>(
    `SELECT till_id, data AS d FROM till_rows
      WHERE tbl = 'payments' AND data->>'order_id' = ANY($1) ORDER BY data->>'created_at', row_key`,
    [orders.rows.map((o) => o.id)],
  );
  return orders.rows.map((o) => {
    const mine = pays.rows.filter((p) => p.till_id === o.till_id && p.d.order_id === o.id);
    const status = o.d.status as OrderStatus;
    const totalFen = Number(o.d.total_fen);
    const refundedFen = Number(o.refunded);
    const payments = mine.map(({ d: p }) => ({
      method: p.method as PaymentMethod,
      amountFen: Number(p.amount_fen),
      state: String(p.state),
      merchantOrderNo: String(p.merchant_order_no),
      platformOrderNo: (p.platform_order_no as string | null) ?? null,
      thirdPartyOrderNo: (p.third_party_order_no as string | null) ?? null,
    }));
    return {
      orderId: o.id,
      status,
      state: stateOf({ status, total_fen: totalFen, refunded_fen: refundedFen }, payments),
      totalFen,
      refundedFen,
      cashier: String(o.d.cashier),
      // Another till's staff list is its own (row-level security): the 工号 stands for the name.
      cashierName: String(o.d.cashier),
      createdAt: String(o.d.created_at),
      paidAt: (o.d.paid_at as string | null) ?? null,
      payments,
      origin: { tillNo: o.till_id, remote: true as const },
    };
  });
}
