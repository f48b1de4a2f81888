import { needOf } from '../../../electron/api/permissions';
import type { Approval, Role, Session, SessionUser } from '../../../shared/api/auth';
import type { AuditRow } from '../../../shared/api/audit';
import type { User } from '../../../shared/api/users';
import type { Channel } from '../../../shared/channels';
import type { ParsedInput } from '../../../shared/contract';
import { apiError } from '../../../shared/errors';
import type { ApiError } from '../../../shared/result';

/**
 * The fake host's staff, session, permission check and audit trail, as the real host keeps
 * them: the demo accounts, the same per-channel table (electron/api/permissions.ts) and the
 * same FORBIDDEN answer naming the roles and whether a supervisor's approval would do.
 */
const DEMO = [
  { userId: '1001', name: '王芳', role: 'cashier', pin: '1234' },
  { userId: '8001', name: '李强', role: 'supervisor', pin: '8888' },
  { userId: '9001', name: '赵师傅', role: 'technician', pin: '9999' },
] as const;
/** A second cashier (not a demo account): a test signs in as someone else with it. */
export const OTHER_CASHIER = {
  userId: '1002',
  name: '李雷',
  role: 'cashier',
  pin: '2468',
} as const;
const now = () => new Date().toISOString();

export function createFakeAccess(sandbox: boolean, signedIn: string | null) {
  const users: (User & { pin: string })[] = [
    ...DEMO.map((u) => ({ ...u, demo: true })),
    { ...OTHER_CASHIER, demo: false },
  ].map((u) => ({ ...u, active: true, lockedUntil: null, createdAt: now() }));
  let current: SessionUser | null = null;
  const audit: AuditRow[] = [];
  const find = (id: string) => users.find((u) => u.userId === id) ?? null;
  const asUser = (u: User): SessionUser => ({ userId: u.userId, name: u.name, role: u.role });
  const record = (action: string, subject: string | null, approver: string | null = null) =>
    audit.unshift({
      id: audit.length + 1,
      at: now(),
      actor: current?.userId ?? 'system',
      actorName: current?.name ?? null,
      role: current?.role ?? 'system',
      approver,
      action,
      subject,
      before: null,
      after: null,
      detail: null,
    });
  if (signedIn) current = asUser(find(signedIn)!);

  const session = (): Session => ({
    user: current,
    signedInAt: current ? now() : null,
    setupRequired: false,
    demoUsers: sandbox ? DEMO.map((u) => ({ ...u })) : [],
  });
  const forbidden = (roles: readonly Role[], approval: boolean): ApiError => ({
    ...apiError('FORBIDDEN'),
    need: { roles: [...roles], approval, signIn: current === null },
  });

  return {
    session,
    users,
    audit,
    record,
    current: () => current,
    signIn(userId: string, pin: string): ApiError | null {
      const u = find(userId);
      if (!u || u.pin !== pin) return apiError('BAD_PIN', 'pin');
      if (!u.active) return apiError('USER_DISABLED', 'pin');
      current = asUser(u);
      record('auth.signIn', userId);
      return null;
    },
    signOut() {
      if (current) record('auth.signOut', current.userId);
      current = null;
    },
    /**
     * The host's admit (electron/api/access.ts): the role, or (for the roles a rule names) a
     * supervisor's approval. An approval on a call the role already allows is checked too (the
     * service may need it for a limit); a signed-in supervisor's is not needed.
     */
    admit<C extends Channel>(
      channel: C,
      input: ParsedInput<C>,
      approval: Approval | undefined,
    ): { error: ApiError | null; approver: string | null } {
      const need = needOf(channel, input);
      if (need.roles === 'anyone') return { error: null, approver: null };
      const check = (a: Approval) => {
        const sup = find(a.userId);
        if (!sup || sup.pin !== a.pin) return { error: apiError('BAD_PIN', 'pin'), approver: null };
        if (sup.role !== 'supervisor')
          return { error: apiError('NOT_SUPERVISOR', 'pin'), approver: null };
        return { error: null, approver: sup.userId };
      };
      if (current && need.roles.includes(current.role))
        return approval && current.role !== 'supervisor'
          ? check(approval)
          : { error: null, approver: null };
      const approvable = current !== null && (need.approval ?? []).includes(current.role);
      if (!approvable || !approval)
        return { error: forbidden(need.roles, approvable), approver: null };
      return check(approval);
    },
    /**
     * The host's callApprover (electron/api/approver.ts), for what a service asks only past a
     * limit: a signed-in supervisor, or the call's checked approver; else FORBIDDEN naming one.
     */
    approve(approver: string | null): { error: ApiError | null; by: string | null } {
      if (current?.role === 'supervisor') return { error: null, by: current.userId };
      if (approver) return { error: null, by: approver };
      return { error: forbidden(['supervisor'], current !== null), by: null };
    },
  };
}
export type FakeAccess = ReturnType<typeof createFakeAccess>;
