import type { ClientBase } from 'pg';
import type { Payment, Sale } from '../../shared/domain';
import { toPayment, type PaymentRow } from '../store/payments';
import { toSale, type LineRow, type OrderRow } from '../store/saleRows';

/** An order as another till pushed it to the store database. */
export interface StoreOrder {
  tillId: string;
  cashier: string;
  sale: Sale;
  payments: Payment[];
  receiptText: string | null;
  refunds: {
    paymentId: string;
    refundNo: string;
    amountFen: number;
    state: 'PENDING' | 'REFUNDED' | 'FAILED';
    errorCode: string | null;
  }[];
  claim: RefundClaim | null;
}

export interface RefundClaim {
  orderTill: string;
  orderId: string;
  claimedBy: string;
  requestId: string;
  amountFen: number;
  state: 'CLAIMED' | 'REFUNDED' | 'FAILED';
  detail: Record<string, unknown> | null;
}

/** A synced row carries every column of the till's own table, so the till's own reader applies. */
type OrderData = OrderRow & { cashier: string };
type LineData = LineRow;

const toClaim = (r: Record<string, unknown>): RefundClaim => ({
  orderTill: String(r.order_till),
  orderId: String(r.order_id),
  claimedBy: String(r.claimed_by),
  requestId: String(r.request_id),
  amountFen: Number(r.amount_fen),
  state: r.state as RefundClaim['state'],
  detail: (r.detail as Record<string, unknown> | null) ?? null,
});

/**
 * Finds an order anywhere in the store by what a receipt or a payment voucher shows: the order
 * id, or a payment's merchant, platform or third-party order no. `skipTill` leaves out the
 * asking till (its own store answers for itself, and is fresher).
 */
export async function findStoreOrder(
  db: ClientBase,
  query: string,
  skipTill?: string,
): Promise<StoreOrder | null> {
  // Through the owner's function (store migration 004): under row-level security a till's own
  // query could not use the number indexes.
  const hit = await db.query<{ till_id: string; order_id: string }>(
    'SELECT till_id, order_id FROM store_order_keys($1, false) LIMIT 3',
    [query],
  );
  const found = hit.rows.find((r) => r.till_id !== skipTill);
  return found ? storeOrder(db, found.till_id, found.order_id) : null;
}

export async function storeOrder(
  db: ClientBase,
  tillId: string,
  orderId: string,
): Promise<StoreOrder | null> {
  const rows = await db.query<{ tbl: string; data: Record<string, unknown> }>(
    `SELECT tbl, data FROM store_order_rows($1, $2, $3)`,
    [[tillId], [orderId], ['orders', 'order_lines', 'payments', 'receipts', 'refunds']],
  );
  const of = (t: string) => rows.rows.filter((r) => r.tbl === t).map((r) => r.data);
  const order = of('orders')[0] as OrderData | undefined;
  if (!order) return null;
  const lines = (of('order_lines') as unknown as LineData[]).sort((a, b) => a.line_no - b.line_no);
  const payments = (of('payments') as unknown as PaymentRow[])
    .sort((a, b) => a.created_at.localeCompare(b.created_at))
    .map(toPayment);
  const claim = await db.query(
    'SELECT * FROM refund_claims WHERE order_till = $1 AND order_id = $2',
    [tillId, orderId],
  );
  return {
    tillId,
    cashier: order.cashier,
    sale: toSale(order, lines),
    payments,
    receiptText: (of('receipts')[0]?.text as string | undefined) ?? null,
    refunds: of('refunds').map((r) => ({
      paymentId: String(r.payment_id),
      refundNo: String(r.refund_no),
      amountFen: Number(r.amount_fen),
      state: r.state as 'PENDING' | 'REFUNDED' | 'FAILED',
      errorCode: (r.error_code as string | null) ?? null,
    })),
    claim: claim.rows[0] ? toClaim(claim.rows[0] as Record<string, unknown>) : null,
  };
}

export type ClaimOutcome =
  | { outcome: 'claimed'; claim: RefundClaim }
  | { outcome: 'mine'; claim: RefundClaim }
  | { outcome: 'taken'; claim: RefundClaim | null; by: string };

/**
 * Claims the one refund of an order for the calling till, in one transaction. The primary key
 * (order_till, order_id) of refund_claims is what makes a second refund impossible; the advisory
 * lock only makes the loser wait for the winner's commit, so it sees the claim instead of an
 * error. A refund the order's own till already made (pushed to `till_rows`) counts as taken.
 * The same till asking again with the same request id gets its claim back (a retry).
 */
export async function claimRefund(
  db: ClientBase,
  c: { orderTill: string; orderId: string; requestId: string; amountFen: number },
): Promise<ClaimOutcome> {
  await db.query('BEGIN');
  try {
    await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${c.orderTill}:${c.orderId}`]);
    const own = await db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM store_order_rows($1, $2, '{refunds}')
        WHERE data->>'state' <> 'FAILED'`,
      [[c.orderTill], [c.orderId]],
    );
    const inserted = await db.query(
      `INSERT INTO refund_claims (order_till, order_id, request_id, amount_fen)
       SELECT $1, $2, $3, $4 WHERE $5::int = 0
       ON CONFLICT (order_till, order_id) DO NOTHING RETURNING *`,
      [c.orderTill, c.orderId, c.requestId, c.amountFen, Number(own.rows[0]?.n ?? 0)],
    );
    const existing = inserted.rows[0]
      ? null
      : await db.query('SELECT * FROM refund_claims WHERE order_till = $1 AND order_id = $2', [
          c.orderTill,
          c.orderId,
        ]);
    const me = await db.query<{ t: string }>('SELECT current_till() AS t');
    await db.query('COMMIT');
    if (inserted.rows[0])
      return { outcome: 'claimed', claim: toClaim(inserted.rows[0] as Record<string, unknown>) };
    const prior = existing?.rows[0] ? toClaim(existing.rows[0] as Record<string, unknown>) : null;
    if (prior && prior.claimedBy === me.rows[0]?.t && prior.requestId === c.requestId)
      return { outcome: 'mine', claim: prior };
    return { outcome: 'taken', claim: prior, by: prior?.claimedBy ?? c.orderTill };
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** Records how the claimed refund ended (only the claiming till may: row-level security). */
export async function settleClaim(
  db: ClientBase,
  orderTill: string,
  orderId: string,
  state: 'REFUNDED' | 'FAILED',
  detail: Record<string, unknown>,
): Promise<void> {
  await db.query(
    `UPDATE refund_claims SET state = $3, detail = $4, updated_at = now()
      WHERE order_till = $1 AND order_id = $2`,
    [orderTill, orderId, state, JSON.stringify(detail)],
  );
}
