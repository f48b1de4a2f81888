import type { Session, SessionUser } from '../../shared/api/auth';
import { TillError } from '../../shared/errors';
import type { EventBus } from '../api/events';
import type { Repos } from '../store';
import { iso, type Clock } from '../services/clock';
import { DEMO_USERS, type Staff } from './staff';

export interface SessionDeps {
  staff: Staff;
  repos: Pick<Repos, 'users' | 'audit'>;
  clock: Clock;
  events: EventBus;
  sandbox: () => boolean;
}

/**
 * The one person signed in at this till. It lives in the host, so the Electron window and the
 * kiosk page see the same session; a restart signs everyone out (the open sale stays).
 */
export function createSession(d: SessionDeps) {
  let signedIn: { user: SessionUser; at: string } | null = null;
  const now = () => iso(d.clock.now());

  /** The stored account as it is now: a disabled or demoted user loses the session at once. */
  function user(): SessionUser | null {
    if (!signedIn) return null;
    const row = d.repos.users.get(signedIn.user.userId);
    if (!row || !d.staff.usable(row)) {
      signedIn = null;
      return null;
    }
    return { userId: row.userId, name: row.name, role: row.role };
  }

  function current(): Session {
    const u = user();
    return {
      user: u,
      signedInAt: u ? (signedIn?.at ?? null) : null,
      setupRequired: d.staff.setupRequired(),
      demoUsers: d.sandbox()
        ? DEMO_USERS.filter((x) => d.repos.users.get(x.userId)?.demo).map((x) => ({ ...x }))
        : [],
    };
  }
  const changed = (): Session => {
    const s = current();
    d.events.emit('auth.changed', s);
    return s;
  };

  async function signIn(userId: string, pin: string): Promise<Session> {
    const row = await d.staff.check(userId, pin, 'signIn');
    const before = user();
    signedIn = { user: { userId: row.userId, name: row.name, role: row.role }, at: now() };
    d.repos.audit.record(now(), row.userId, 'auth.signIn', row.userId, {
      role: row.role,
      ...(before && before.userId !== row.userId ? { replaced: before.userId } : {}),
    });
    return changed();
  }

  return {
    user,
    current,
    signIn,
    signOut(): Session {
      const u = user();
      if (u) d.repos.audit.record(now(), u.userId, 'auth.signOut', u.userId);
      signedIn = null;
      return changed();
    },
    /** First start with a live gateway: the first supervisor, who is then signed in. */
    async setup(userId: string, name: string, pin: string): Promise<Session> {
      if (!d.staff.setupRequired()) throw new TillError('FORBIDDEN', undefined, 'already set up');
      await d.staff.add({ userId, name, role: 'supervisor', pin });
      return signIn(userId, pin);
    },
  };
}
export type TillSession = ReturnType<typeof createSession>;
