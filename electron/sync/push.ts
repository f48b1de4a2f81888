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
  const tbl: string[] = [];
  const key: string[] = [];
  const version: string[] = [];
  const data: (string | null)[] = [];
  const at: number[] = [];
  let bytes = 0;
  for (const r of batch.rows) {
    tbl.push(r.tbl);
    key.push(r.rowKey);
    version.push(String(r.version));
    const json = r.data === null ? null : JSON.stringify(r.data);
    data.push(json);
    at.push(r.atMs);
    bytes += r.tbl.length + r.rowKey.length + 8 + 8 + (json?.length ?? 0);
  }
  await db.query('BEGIN');
  try {
    const res = await db.query(
      `INSERT INTO till_rows (till_id, tbl, row_key, version, data, changed_at)
       SELECT $1, t, k, v, d, to_timestamp(a / 1000.0)
         FROM unnest($2::text[], $3::text[], $4::bigint[], $5::jsonb[], $6::float8[]) AS u(t, k, v, d, a)
       ON CONFLICT (till_id, tbl, row_key) DO UPDATE
         SET version = excluded.version, data = excluded.data, changed_at = excluded.changed_at,
             received_at = now()
         WHERE till_rows.version < excluded.version`,
      [tillId, tbl, key, version, data, at],
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
