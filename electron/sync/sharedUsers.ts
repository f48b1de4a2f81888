import { ROLES, type Role } from '../../shared/api/auth';
import { iso, type Clock } from '../services/clock';
import type { Repos } from '../store';
import type { PulledRow, PulledTable } from './pull';

/** sync_state key of the staff version in use (the setup report prints it). */
export const USERS_VERSION_KEY = 'shared.users.version';
const COLUMNS = ['user_id', 'name', 'role', 'pin_hash', 'active'] as const;
const HASH = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/;
// A name is printed on receipts and shown on screens: no control characters (printer commands).
export const CONTROL = /\p{Cc}/u;

interface Shared {
  userId: string;
  name: string;
  role: Role;
  pinHash: string;
  active: boolean;
}

/** The till's own rules again (user.add's), for what the store database sends. */
function parse(r: PulledRow): Shared | string {
  const userId = String(r.user_id);
  const name = String(r.name).trim();
  if (!/^\d{3,8}$/.test(userId)) return 'staff number is not 3–8 digits';
  if (name.length < 1 || name.length > 20 || CONTROL.test(name)) return 'bad name';
  if (!(ROLES as readonly string[]).includes(String(r.role))) return 'unknown role';
  if (!HASH.test(String(r.pin_hash))) return 'PIN hash not in the till format';
  return {
    userId,
    name,
    role: r.role as Role,
    pinHash: String(r.pin_hash),
    active: r.active === true && !r.deleted,
  };
}

/**
 * `shared_users` (store migration 005) taken into the till's users table in the pull's
 * transaction, with one `users.pull` audit row. The store decides name, role, PIN hash and
 * whether a user may sign in; the till keeps its own wrong-PIN count and lock, never touches
 * its sandbox demo accounts, and never lets a pull disable or demote its last active
 * supervisor (that change is skipped and named in the audit row — the till must stay
 * manageable, rule 1). Users made on the till alone stay as they are.
 */
export function sharedUsers(
  repos: Pick<Repos, 'users' | 'audit'>,
  clock: Clock,
  sandbox: () => boolean,
): PulledTable {
  return {
    pg: 'shared_users',
    columns: COLUMNS,
    sinceSchema: 5,
    versionKey: USERS_VERSION_KEY,
    apply(rows, v) {
      const at = iso(clock.now());
      const skipped: { userId: string; reason: string }[] = [];
      const good: Shared[] = [];
      for (const r of rows) {
        const p = parse(r);
        if (typeof p === 'string') skipped.push({ userId: String(r.user_id), reason: p });
        else good.push(p);
      }
      const reduces = (p: Shared) => {
        const u = repos.users.get(p.userId);
        return !!u && u.role === 'supervisor' && u.active && !(p.role === 'supervisor' && p.active);
      };
      // New and promoted supervisors first: a pull that appoints one and retires another keeps both.
      good.sort((a, b) => Number(reduces(a)) - Number(reduces(b)));
      let added = 0;
      let updated = 0;
      let unchanged = 0;
      for (const p of good) {
        const u = repos.users.get(p.userId);
        if (u?.demo) {
          skipped.push({ userId: p.userId, reason: 'sandbox demo user of this till' });
        } else if (!u) {
          repos.users.insert({
            id: p.userId,
            name: p.name,
            role: p.role,
            pinHash: p.pinHash,
            demo: false,
            at,
          });
          if (!p.active) repos.users.setActive(p.userId, false, at);
          added++;
        } else if (
          u.name === p.name &&
          u.role === p.role &&
          u.pinHash === p.pinHash &&
          u.active === p.active
        ) {
          unchanged++;
        } else if (reduces(p) && repos.users.activeSupervisors(sandbox()) <= 1) {
          skipped.push({ userId: p.userId, reason: 'last active supervisor of this till' });
        } else {
          repos.users.setShared(p.userId, p, at);
          updated++;
        }
      }
      repos.audit.record(at, 'store-db', 'users.pull', `v${v.to}`, {
        from: v.from,
        version: v.to,
        rows: rows.length,
        added,
        updated,
        unchanged,
        skipped,
      });
      return { refused: skipped.map((s) => ({ key: s.userId, reason: s.reason })) };
    },
  };
}
