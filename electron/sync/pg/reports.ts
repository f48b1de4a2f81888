import type { ClientBase } from 'pg';

export interface StoreDayRow {
  tillId: string;
  orders: number;
  salesFen: number;
  byMethod: Record<string, number>;
  refundedFen: number;
}

/** A China business day [00:00, 24:00) +08:00 as UTC ISO bounds (paid_at is stored in UTC). */
export function chinaDayBounds(day: string): [string, string] {
  const start = new Date(`${day}T00:00:00+08:00`);
  if (Number.isNaN(start.getTime())) throw new Error(`${day} is not a day (YYYY-MM-DD)`);
  return [start.toISOString(), new Date(start.getTime() + 86_400_000).toISOString()];
}

/**
 * The whole store's day, per till, from what the tills pushed: paid orders, takings by
 * method, refunds. A till that has not pushed yet is missing from it, and `lagging` says so.
 */
export async function storeDay(
  db: ClientBase,
  day: string,
): Promise<{ day: string; tills: StoreDayRow[]; lagging: string[] }> {
  const [from, to] = chinaDayBounds(day);
  const orders = await db.query<{ till_id: string; n: string; fen: string | null }>(
    `SELECT till_id, count(*)::text AS n, sum((data->>'total_fen')::bigint)::text AS fen FROM till_rows
      WHERE tbl = 'orders' AND data->>'status' = 'PAID' AND data->>'paid_at' >= $1 AND data->>'paid_at' < $2
      GROUP BY till_id`,
    [from, to],
  );
  const methods = await db.query<{ till_id: string; method: string; fen: string }>(
    `SELECT p.till_id, p.data->>'method' AS method, sum((p.data->>'amount_fen')::bigint)::text AS fen
       FROM till_rows p JOIN till_rows o ON o.till_id = p.till_id AND o.tbl = 'orders'
        AND o.row_key = p.data->>'order_id'
      WHERE p.tbl = 'payments' AND p.data->>'state' = 'PAID'
        AND o.data->>'paid_at' >= $1 AND o.data->>'paid_at' < $2
      GROUP BY 1, 2`,
    [from, to],
  );
  const refunds = await db.query<{ till_id: string; fen: string }>(
    `SELECT till_id, sum((data->>'amount_fen')::bigint)::text AS fen FROM till_rows
      WHERE tbl = 'refunds' AND data->>'state' = 'REFUNDED'
        AND data->>'updated_at' >= $1 AND data->>'updated_at' < $2 GROUP BY till_id
     UNION ALL
     SELECT claimed_by, sum(amount_fen)::text FROM refund_claims
      WHERE state = 'REFUNDED' AND updated_at >= $1::timestamptz AND updated_at < $2::timestamptz
      GROUP BY claimed_by`,
    [from, to],
  );
  const lag = await db.query<{ till_id: string }>(
    `SELECT t.till_id FROM tills t LEFT JOIN till_sync s USING (till_id)
      WHERE s.last_push_at IS NULL OR s.last_push_at < now() - interval '5 minutes' ORDER BY 1`,
  );
  const tills = new Map<string, StoreDayRow>();
  const row = (id: string) => {
    let r = tills.get(id);
    if (!r)
      tills.set(id, (r = { tillId: id, orders: 0, salesFen: 0, byMethod: {}, refundedFen: 0 }));
    return r;
  };
  for (const o of orders.rows)
    Object.assign(row(o.till_id), { orders: Number(o.n), salesFen: Number(o.fen ?? 0) });
  for (const m of methods.rows) row(m.till_id).byMethod[m.method] = Number(m.fen);
  for (const f of refunds.rows) row(f.till_id).refundedFen += Number(f.fen);
  return {
    day,
    tills: [...tills.values()].sort((a, b) => a.tillId.localeCompare(b.tillId)),
    lagging: lag.rows.map((r) => r.till_id),
  };
}
