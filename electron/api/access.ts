import type { Approval, Role, SessionUser } from '../../shared/api/auth';
import type { Channel } from '../../shared/channels';
import type { ParsedInput } from '../../shared/contract';
import { TillError } from '../../shared/errors';
import type { ApiError } from '../../shared/result';
import type { CallContext } from '../auth/callContext';
import type { TillSession } from '../auth/session';
import type { Staff } from '../auth/staff';
import { needOf, type Need } from './permissions';

const ROLE_ZH: Record<Role, string> = {
  cashier: '收银员',
  supervisor: '主管',
  technician: '技术员',
};

/** FORBIDDEN names the roles the call needs, and whether a supervisor's approval would do. */
export class ForbiddenError extends TillError {
  constructor(
    readonly roles: readonly Role[],
    readonly approval: boolean,
    readonly signIn: boolean,
  ) {
    super('FORBIDDEN', undefined, `needs ${roles.join(' or ')}`);
  }

  override toApiError(): ApiError {
    const zh = this.roles.map((r) => ROLE_ZH[r]).join('或');
    const en = this.roles.join(' or ');
    return {
      code: 'FORBIDDEN',
      message: this.signIn
        ? `Sign in first: this needs a ${en}.`
        : `This needs a ${en}${this.approval ? ", or a supervisor's approval on the call" : ''}.`,
      messageZh: this.signIn
        ? `请先登录：此操作需要${zh}。`
        : `此操作需要${zh}权限${this.approval ? '，或请主管授权' : ''}。`,
      need: { roles: [...this.roles], approval: this.approval, signIn: this.signIn },
    };
  }
}

export interface Access {
  /** Who may make this call, decided before the handler runs; throws and changes nothing if not. */
  admit<C extends Channel>(
    channel: C,
    input: ParsedInput<C>,
    approval: Approval | undefined,
  ): Promise<CallContext>;
}

/** The till's rules (permissions.ts) against the signed-in user and the call's approval. */
export function createAccess(d: { session: TillSession; staff: Staff }): Access {
  return {
    async admit(channel, input, approval) {
      const need: Need = needOf(channel, input);
      if (!need.beforeSetup && d.staff.setupRequired()) throw new TillError('SETUP_REQUIRED');
      const user = d.session.user();
      const admitted = (approver: SessionUser | null): CallContext => ({ channel, user, approver });
      if (need.roles === 'anyone') return admitted(null);
      const approve = async (a: Approval, by: SessionUser) => {
        const sup = await d.staff.check(a.userId, a.pin, 'approval', by.userId);
        return admitted({ userId: sup.userId, name: sup.name, role: sup.role });
      };
      // An approval on a call the role already allows is still checked: the service may need it
      // for what depends on the sale (a discount over the cashier's limit, services/approval.ts).
      if (user && need.roles.includes(user.role))
        return approval && user.role !== 'supervisor' ? approve(approval, user) : admitted(null);
      const approvable = user !== null && (need.approval ?? []).includes(user.role);
      if (user && approvable && approval) return approve(approval, user);
      // An approval stands in for a role (for those the rule names), not for signing in.
      throw new ForbiddenError(need.roles, approvable, user === null);
    },
  };
}
