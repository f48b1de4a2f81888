import type { ClientBase } from 'pg';
import type { Role } from '../../../shared/api/auth';

/** A shared user as `store-db user list` shows it: never its PIN hash. */
export interface SharedUserInfo {
  userId: string;
  name: string;
  role: Role;
  active: boolean;
  version: number;
}

/**
 * A write that carries a PIN hash: in its own transaction with statement logging off (as
 * addTill does for a password), so the server's log never holds it as a bound parameter.
 */
async function quietly<T>(db: ClientBase, fn: () => Promise<T>): Promise<T> {
  await db.query('BEGIN');
  try {
    await db.query("SET LOCAL log_statement = 'none'");
    await db.query('SET LOCAL log_min_duration_statement = -1');
    const out = await fn();
    await db.query('COMMIT');
    return out;
  } catch (err) {
    await db.query('ROLLBACK');
    throw err;
  }
}

/** One statement each, as the owner; the stamp trigger draws the store-wide version. */
export async function addSharedUser(
  db: ClientBase,
  u: { userId: string; name: string; role: Role; pinHash: string },
): Promise<number | null> {
  const r = await quietly(db, () =>
    db.query<{ v: string }>(
      `INSERT INTO shared_users (user_id, name, role, pin_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id) DO NOTHING RETURNING version::text AS v`,
      [u.userId, u.name, u.role, u.pinHash],
    ),
  );
  return r.rows[0] ? Number(r.rows[0].v) : null;
}

/** null: no such user. An unchanged flag keeps its version (tills pull nothing). */
export async function setSharedUserActive(
  db: ClientBase,
  userId: string,
  active: boolean,
): Promise<number | null> {
  const r = await db.query<{ v: string }>(
    `UPDATE shared_users SET active = $2 WHERE user_id = $1 AND NOT deleted AND active <> $2
     RETURNING version::text AS v`,
    [userId, active],
  );
  if (r.rows[0]) return Number(r.rows[0].v);
  const same = await db.query<{ v: string }>(
    'SELECT version::text AS v FROM shared_users WHERE user_id = $1 AND NOT deleted',
    [userId],
  );
  return same.rows[0] ? Number(same.rows[0].v) : null;
}

export async function resetSharedUserPin(
  db: ClientBase,
  userId: string,
  pinHash: string,
): Promise<number | null> {
  const r = await quietly(db, () =>
    db.query<{ v: string }>(
      `UPDATE shared_users SET pin_hash = $2 WHERE user_id = $1 AND NOT deleted
     RETURNING version::text AS v`,
      [userId, pinHash],
    ),
  );
  return r.rows[0] ? Number(r.rows[0].v) : null;
}

export async function listSharedUsers(db: ClientBase): Promise<SharedUserInfo[]> {
  const r = await db.query<{
    user_id: string;
    name: string;
    role: Role;
    active: boolean;
    v: string;
  }>(
    `SELECT user_id, name, role, active, version::text AS v FROM shared_users
      WHERE NOT deleted ORDER BY role, user_id`,
  );
  return r.rows.map((x) => ({
    userId: x.user_id,
    name: x.name,
    role: x.role,
    active: x.active,
    version: Number(x.v),
  }));
}
