import type { ClientBase } from 'pg';
import type { OrderSummary } from '../../shared/api/search';
import type { OrderStatus, PaymentMethod } from '../../shared/domain';
import { stateOf, type SearchFilter } from '../store/search';

/** An order of another till, as order.search lists it, with the till that sold it. */
export type StoreOrderSummary = OrderSummary & { origin: { tillNo: string; remote: true } };

/** More matches than this for one number are not worth paging through: type more digits. */
const MAX_MATCHES = 1_000;

type Data = Record<string, unknown>;

/**
 * order.search for a number over the other tills' pushed rows: the orders carrying it (whole,
 * or its last 4+ characters, through store migration 004's functions and indexes), then the
 * till's own search filters on that handful, newest first. A refund made through the store
 * database (a claim) counts as the order's refund: the till that sold it does not know it.
 */
export async function searchStoreOrders(
  db: ClientBase,
  f: SearchFilter & { number: string },
  skipTill: string,
): Promise<StoreOrderSummary[]> {
  const keys = await db.query<{ till_id: string; order_id: string }>(
    'SELECT till_id, order_id FROM store_order_keys($1, true) WHERE till_id <> $2 LIMIT $3',
    [f.number, skipTill, MAX_MATCHES],
  );
  if (keys.rows.length === 0) return [];
  const tills = keys.rows.map((k) => k.till_id);
  const ids = keys.rows.map((k) => k.order_id);
  const rows = await db.query<{ till_id: string; tbl: string; data: Data }>(
    `SELECT till_id, tbl, data FROM store_order_rows($1, $2, '{orders,payments}')`,
    [tills, ids],
  );
  const claims = await db.query<{ order_till: string; order_id: string; amount_fen: number }>(
    `SELECT order_till, order_id, amount_fen FROM refund_claims
      WHERE (order_till, order_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
        AND state = 'REFUNDED'`,
    [tills, ids],
  );
  const claimed = new Map(claims.rows.map((c) => [`${c.order_till} ${c.order_id}`, c.amount_fen]));
  const pays = rows.rows.filter((r) => r.tbl === 'payments');
  const list = rows.rows
    .filter((r) => r.tbl === 'orders')
    .map(({ till_id: till, data: o }) => summary(till, o, pays, claimed))
    .filter((o) => matches(o, f))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.orderId.localeCompare(a.orderId));
  return list.slice(f.offset, f.offset + f.limit);
}

function summary(
  till: string,
  o: Data,
  pays: { till_id: string; data: Data }[],
  claimed: Map<string, number>,
): StoreOrderSummary {
  const id = String(o.id);
  const status = o.status as OrderStatus;
  const totalFen = Number(o.total_fen);
  const refundedFen = Math.max(Number(o.refunded_fen ?? 0), claimed.get(`${till} ${id}`) ?? 0);
  const payments = pays
    .filter((p) => p.till_id === till && p.data.order_id === id)
    .map(({ data: p }) => ({
      method: p.method as PaymentMethod,
      amountFen: Number(p.amount_fen),
      state: String(p.state),
      merchantOrderNo: String(p.merchant_order_no),
      platformOrderNo: (p.platform_order_no as string | null) ?? null,
      thirdPartyOrderNo: (p.third_party_order_no as string | null) ?? null,
      createdAt: String(p.created_at ?? ''),
    }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map(({ createdAt: _c, ...p }) => p);
  return {
    orderId: id,
    status,
    state: stateOf({ status, total_fen: totalFen, refunded_fen: refundedFen }, payments),
    totalFen,
    refundedFen,
    cashier: String(o.cashier),
    // Another till's staff list is its own (row-level security): the 工号 stands for the name.
    cashierName: String(o.cashier),
    createdAt: String(o.created_at),
    paidAt: (o.paid_at as string | null) ?? null,
    payments,
    origin: { tillNo: till, remote: true },
  };
}

/** The till's own search filters (electron/store/search.ts), on one order. */
function matches(o: StoreOrderSummary, f: SearchFilter): boolean {
  if (o.status === 'OPEN' && o.totalFen === 0) return false;
  if (f.fromAt && o.createdAt < f.fromAt) return false;
  if (f.toAt && o.createdAt >= f.toAt) return false;
  if (f.minFen !== undefined && o.totalFen < f.minFen) return false;
  if (f.maxFen !== undefined && o.totalFen > f.maxFen) return false;
  if (f.cashier && o.cashier !== f.cashier) return false;
  if (
    f.method &&
    !o.payments.some((p) => p.method === f.method && !['FAILED', 'REVERSED'].includes(p.state))
  )
    return false;
  return !f.status || o.state === f.status;
}
