import type { Role } from '../../shared/api/auth';
import type { User } from '../../shared/api/users';
import type { Db } from './db';

interface Row {
  id: string;
  name: string;
  role: Role;
  pin_hash: string;
  active: number;
  demo: number;
  failed_pins: number;
  locked_until: string | null;
  created_at: string;
}
export interface UserRow extends User {
  pinHash: string;
  failedPins: number;
}

const toUser = (r: Row): UserRow => ({
  userId: r.id,
  name: r.name,
  role: r.role,
  active: r.active === 1,
  demo: r.demo === 1,
  lockedUntil: r.locked_until,
  createdAt: r.created_at,
  pinHash: r.pin_hash,
  failedPins: r.failed_pins,
});

/** Staff accounts. PIN hashes stay in here; what leaves is `User` without them. */
export function createUsersRepo(db: Db) {
  const q = {
    get: db.prepare<[string], Row>('SELECT * FROM users WHERE id = ?'),
    all: db.prepare<[], Row>('SELECT * FROM users ORDER BY role, id'),
    count: db.prepare<[], number>('SELECT COUNT(*) FROM users').pluck(),
    supervisors: db
      .prepare<[number], number>(
        "SELECT COUNT(*) FROM users WHERE role = 'supervisor' AND active = 1 AND demo <= ?",
      )
      .pluck(),
    insert: db.prepare(
      `INSERT INTO users (id, name, role, pin_hash, demo, created_at, updated_at)
       VALUES (@id, @name, @role, @pinHash, @demo, @at, @at)`,
    ),
    failed: db.prepare(
      'UPDATE users SET failed_pins = ?, locked_until = ?, updated_at = ? WHERE id = ?',
    ),
    active: db.prepare('UPDATE users SET active = ?, updated_at = ? WHERE id = ?'),
    // A pull from the store database: what the store decides, never this till's lockout state.
    shared: db.prepare(
      'UPDATE users SET name = ?, role = ?, pin_hash = ?, active = ?, updated_at = ? WHERE id = ? AND demo = 0',
    ),
    pin: db.prepare(
      'UPDATE users SET pin_hash = ?, failed_pins = 0, locked_until = NULL, updated_at = ? WHERE id = ?',
    ),
  };
  const get = (id: string): UserRow | null => {
    const r = q.get.get(id);
    return r ? toUser(r) : null;
  };
  return {
    get,
    list: (): UserRow[] => q.all.all().map(toUser),
    count: (): number => q.count.get() ?? 0,
    /** Active supervisors; demo ones count only when `withDemo` (sandbox). */
    activeSupervisors: (withDemo: boolean): number => q.supervisors.get(withDemo ? 1 : 0) ?? 0,
    insert(u: {
      id: string;
      name: string;
      role: Role;
      pinHash: string;
      demo: boolean;
      at: string;
    }) {
      q.insert.run({ ...u, demo: u.demo ? 1 : 0 });
      return get(u.id) as UserRow;
    },
    setFailures(id: string, failedPins: number, lockedUntil: string | null, at: string): void {
      q.failed.run(failedPins, lockedUntil, at, id);
    },
    setActive(id: string, active: boolean, at: string): UserRow {
      q.active.run(active ? 1 : 0, at, id);
      return get(id) as UserRow;
    },
    /** Takes a store database row (sync/sharedUsers.ts); failed PINs and a lock stay as they are. */
    setShared(
      id: string,
      u: { name: string; role: Role; pinHash: string; active: boolean },
      at: string,
    ): UserRow {
      q.shared.run(u.name, u.role, u.pinHash, u.active ? 1 : 0, at, id);
      return get(id) as UserRow;
    },
    setPin(id: string, pinHash: string, at: string): UserRow {
      q.pin.run(pinHash, at, id);
      return get(id) as UserRow;
    },
  };
}
export type UsersRepo = ReturnType<typeof createUsersRepo>;
