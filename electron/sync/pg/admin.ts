import { randomBytes } from 'node:crypto';
import type { ClientBase } from 'pg';
import type { Product } from '../../../shared/domain';

export const tillRoleName = (database: string, tillId: string): string =>
  `${database}_till_${tillId}`;

async function database(db: ClientBase): Promise<string> {
  const r = await db.query<{ d: string }>('SELECT current_database() AS d');
  return r.rows[0]?.d ?? '';
}

/**
 * Creates (or, with a new password, re-keys) a till's own login role. The password is returned
 * once, for the technician to put in that till's key store; it is never written anywhere here,
 * and statement logging is off for the transaction that carries it.
 */
export async function addTill(
  db: ClientBase,
  tillId: string,
  password = randomBytes(18).toString('base64url'),
): Promise<{ role: string; password: string }> {
  if (!/^\d{2}$/.test(tillId)) throw new Error(`till id ${tillId} must be two digits, e.g. 02`);
  const dbName = await database(db);
  const role = tillRoleName(dbName, tillId);
  await db.query('BEGIN');
  try {
    await db.query("SET LOCAL log_statement = 'none'");
    const exists = await db.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const verb = exists.rowCount ? 'ALTER' : 'CREATE';
    const sql = await db.query<{ s: string }>(
      `SELECT format('${verb} ROLE %I LOGIN PASSWORD %L', $1::text, $2::text) AS s`,
      [role, password],
    );
    await db.query(sql.rows[0]?.s ?? '');
    const grant = await db.query<{ s: string }>(
      "SELECT format('GRANT %I TO %I', $1::text, $2::text) AS s",
      [`${dbName}_tills`, role],
    );
    await db.query(grant.rows[0]?.s ?? '');
    await db.query(
      `INSERT INTO tills (till_id, role_name) VALUES ($1, $2)
       ON CONFLICT (till_id) DO UPDATE SET role_name = excluded.role_name`,
      [tillId, role],
    );
    await db.query('INSERT INTO till_sync (till_id) VALUES ($1) ON CONFLICT DO NOTHING', [tillId]);
    await db.query('COMMIT');
  } catch (err) {
    await db.query('ROLLBACK');
    throw err;
  }
  return { role, password };
}

/** A product of the shared catalogue, as `store-db publish` checked it (the till's import rules). */
export interface SharedProduct extends Product {
  category?: string;
  /** Scale PLU, without leading zeros; null or absent: none. */
  plu?: string | null;
  /** false: listed, not on sale. Absent: on sale. */
  active?: boolean;
}

/**
 * Upserts products into the shared catalogue in one transaction; returns the version reached.
 * A PLU given to a product is taken from the product that held it (that one changes too, so
 * every till learns of both).
 */
export async function publishProducts(
  db: ClientBase,
  products: readonly SharedProduct[],
  retire: readonly string[] = [],
): Promise<number> {
  await db.query('BEGIN');
  try {
    for (const p of products) {
      const plu = p.plu ?? null;
      if (plu !== null)
        await db.query(
          'UPDATE shared_products SET plu = NULL WHERE plu = $1 AND barcode <> $2 AND NOT deleted',
          [plu, p.barcode],
        );
      await db.query(
        `INSERT INTO shared_products (barcode, name, price_fen, unit, category, plu, active, deleted)
           VALUES ($1, $2, $3, $4, $5, $6, $7, false)
         ON CONFLICT (barcode) DO UPDATE SET name = excluded.name, price_fen = excluded.price_fen,
           unit = excluded.unit, category = excluded.category, plu = excluded.plu,
           active = excluded.active, deleted = false
         -- An unchanged product keeps its version: tills pull only what changed.
         WHERE (shared_products.name, shared_products.price_fen, shared_products.unit,
                shared_products.category, shared_products.plu, shared_products.active,
                shared_products.deleted)
           IS DISTINCT FROM (excluded.name, excluded.price_fen, excluded.unit, excluded.category,
                excluded.plu, excluded.active, false)`,
        [p.barcode, p.name, p.priceFen, p.unit, p.category ?? '', plu, p.active ?? true],
      );
    }
    if (retire.length)
      await db.query(
        'UPDATE shared_products SET deleted = true, plu = NULL WHERE barcode = ANY($1)',
        [retire],
      );
    await db.query('COMMIT');
  } catch (err) {
    await db.query('ROLLBACK');
    throw err;
  }
  const v = await db.query<{ v: string | null }>(
    'SELECT max(version)::text AS v FROM shared_products',
  );
  return Number(v.rows[0]?.v ?? 0);
}
