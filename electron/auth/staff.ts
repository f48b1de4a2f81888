import type { Role } from '../../shared/api/auth';
import type { User } from '../../shared/api/users';
import { TillError } from '../../shared/errors';
import type { Repos } from '../store';
import type { UserRow } from '../store/users';
import { iso, type Clock } from '../services/clock';
import { DUMMY_HASH, hashPin, verifyPin } from './pin';

export const MAX_WRONG_PINS = 5;
export const LOCK_MS = 5 * 60_000;

/** Sandbox demo accounts (README, sign-in screen). Never usable with a live gateway. */
export const DEMO_USERS = [
  { userId: '1001', name: '王芳', role: 'cashier', pin: '1234' },
  { userId: '8001', name: '李强', role: 'supervisor', pin: '8888' },
  { userId: '9001', name: '赵师傅', role: 'technician', pin: '9999' },
] as const satisfies readonly { userId: string; name: string; role: Role; pin: string }[];

export interface StaffDeps {
  repos: Pick<Repos, 'db' | 'users' | 'audit'>;
  clock: Clock;
  /** Read through one function: issue 10 decides live vs sandbox. */
  sandbox: () => boolean;
  /** 工号 of who is acting (who adds a user, resets a PIN). */
  actor: () => string;
}

export const publicUser = ({ pinHash: _h, failedPins: _f, ...u }: UserRow): User => u;

/** Staff accounts and PIN checks: scrypt, five wrong PINs lock for five minutes, all audited. */
export function createStaff(d: StaffDeps) {
  const { repos, clock } = d;
  const now = () => iso(clock.now());
  const usable = (u: UserRow) => u.active && (!u.demo || d.sandbox());

  /** Throws BAD_PIN, LOCKED or USER_DISABLED; every refusal is audited before it is thrown. */
  async function check(
    userId: string,
    pin: string,
    purpose: 'signIn' | 'approval',
    asker: string = userId,
  ) {
    const actor = asker;
    const fail = (
      reason: string,
      code: 'BAD_PIN' | 'LOCKED' | 'USER_DISABLED' | 'NOT_SUPERVISOR',
      extra = {},
    ) => {
      repos.audit.record(now(), actor, 'auth.fail', userId, { reason, purpose, ...extra });
      return new TillError(code, 'pin');
    };
    const user = repos.users.get(userId);
    if (!user) {
      await verifyPin(pin, DUMMY_HASH); // the same time as a real check: no staff-number oracle
      throw fail('unknown', 'BAD_PIN');
    }
    if (user.lockedUntil && Date.parse(user.lockedUntil) > clock.now())
      throw fail('locked', 'LOCKED', { until: user.lockedUntil });
    const right = await verifyPin(pin, user.pinHash);
    if (!right) {
      // Read again after the await: two wrong PINs at once both count.
      const err = repos.db.transaction(() => {
        const n = (repos.users.get(userId)?.failedPins ?? 0) + 1;
        if (n < MAX_WRONG_PINS) {
          repos.users.setFailures(userId, n, null, now());
          return fail('pin', 'BAD_PIN', { failures: n });
        }
        const until = iso(clock.now() + LOCK_MS);
        repos.users.setFailures(userId, 0, until, now());
        fail('pin', 'BAD_PIN', { failures: n });
        repos.audit.record(now(), actor, 'auth.lock', userId, { until, purpose });
        return new TillError('LOCKED', 'pin');
      })();
      throw err;
    }
    if (!usable(user)) throw fail(user.demo ? 'demo-live' : 'disabled', 'USER_DISABLED');
    if (purpose === 'approval' && user.role !== 'supervisor')
      throw fail('not-supervisor', 'NOT_SUPERVISOR');
    if (user.failedPins > 0 || user.lockedUntil) repos.users.setFailures(userId, 0, null, now());
    return user;
  }

  const mustExist = (userId: string): UserRow => {
    const u = repos.users.get(userId);
    if (!u) throw new TillError('NOT_FOUND', 'userId');
    return u;
  };

  return {
    check,
    usable,
    list: (): User[] => repos.users.list().map(publicUser),
    /** Live gateway (or no usable supervisor): the first supervisor must be created. */
    setupRequired: (): boolean => repos.users.activeSupervisors(d.sandbox()) === 0,
    async add(u: { userId: string; name: string; role: Role; pin: string }, demo = false) {
      if (repos.users.get(u.userId)) throw new TillError('USER_EXISTS', 'userId');
      const pinHash = await hashPin(u.pin);
      return repos.db.transaction(() => {
        if (repos.users.get(u.userId)) throw new TillError('USER_EXISTS', 'userId');
        const row = repos.users.insert({
          id: u.userId,
          name: u.name,
          role: u.role,
          pinHash,
          demo,
          at: now(),
        });
        repos.audit.write({
          at: now(),
          actor: d.actor(),
          action: 'user.add',
          subject: u.userId,
          after: { name: u.name, role: u.role, demo },
        });
        return publicUser(row);
      })();
    },
    setActive(userId: string, active: boolean): User {
      return repos.db.transaction(() => {
        const u = mustExist(userId);
        const lastSupervisor =
          !active &&
          u.role === 'supervisor' &&
          u.active &&
          repos.users.activeSupervisors(d.sandbox()) <= 1;
        if (lastSupervisor) throw new TillError('LAST_SUPERVISOR', 'userId');
        const row = repos.users.setActive(userId, active, now());
        repos.audit.write({
          at: now(),
          actor: d.actor(),
          action: active ? 'user.enable' : 'user.disable',
          subject: userId,
          before: { active: u.active },
          after: { active },
        });
        return publicUser(row);
      })();
    },
    async resetPin(userId: string, pin: string): Promise<User> {
      mustExist(userId);
      const pinHash = await hashPin(pin);
      return repos.db.transaction(() => {
        const row = repos.users.setPin(mustExist(userId).userId, pinHash, now());
        repos.audit.record(now(), d.actor(), 'user.resetPin', userId);
        return publicUser(row);
      })();
    },
    /** A fresh data folder in sandbox mode gets the three demo accounts. */
    async ensureDemoUsers(): Promise<boolean> {
      if (!d.sandbox() || repos.users.count() > 0) return false;
      const hashed = await Promise.all(
        DEMO_USERS.map(async (u) => ({ ...u, pinHash: await hashPin(u.pin) })),
      );
      repos.db.transaction(() => {
        for (const u of hashed) {
          repos.users.insert({
            id: u.userId,
            name: u.name,
            role: u.role,
            pinHash: u.pinHash,
            demo: true,
            at: now(),
          });
          repos.audit.write({
            at: now(),
            actor: 'system',
            action: 'user.add',
            subject: u.userId,
            after: { name: u.name, role: u.role, demo: true },
          });
        }
      })();
      return true;
    },
  };
}
export type Staff = ReturnType<typeof createStaff>;
