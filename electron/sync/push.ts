import type { ClientBase } from 'pg';
import type { OutboxBatch } from './outbox';

/**
 * One batch in one PostgreSQL transaction: the rows, upserted by (till, table, row key) and
 * only over an older version, and the till's progress. A batch sent twice (the till was killed
 * after the commit, before it cleared its outbox) changes nothing the second time.
 */
export async function pushBatch(
  db: ClientBase,
  tillId: string,
  batch: OutboxBatch,
): Promise<{ bytes: number; written: number }> {
  // One JSON document per batch: parsed once by the server, no array-literal escaping.
  const doc = JSON.stringify(
    batch.rows.map((r) => ({ t: r.tbl, k: r.rowKey, v: r.version, a: r.atMs, d: r.data })),
  );
  const bytes = Buffer.byteLength(doc);
  await db.query('BEGIN');
  try {
    const res = await db.query(
      `INSERT INTO till_rows (till_id, tbl, row_key, version, data, changed_at)
       SELECT $1, r->>'t', r->>'k', (r->>'v')::bigint, NULLIF(r->'d', 'null'::jsonb),
              to_timestamp((r->>'a')::float8 / 1000.0)
         FROM jsonb_array_elements($2::jsonb) AS r
       ON CONFLICT (till_id, tbl, row_key) DO UPDATE
         SET version = excluded.version, data = excluded.data, changed_at = excluded.changed_at,
             received_at = now()
         WHERE till_rows.version < excluded.version`,
      [tillId, doc],
    );
    await db.query(
      `INSERT INTO till_sync (till_id, last_seq, pushed_rows, last_push_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (till_id) DO UPDATE SET last_seq = greatest(till_sync.last_seq, excluded.last_seq),
         pushed_rows = till_sync.pushed_rows + excluded.pushed_rows, last_push_at = now()`,
      [tillId, batch.maxSeq, res.rowCount ?? 0],
    );
    await db.query('COMMIT');
    return { bytes, written: res.rowCount ?? 0 };
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
