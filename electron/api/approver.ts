import { currentCall } from '../auth/callContext';
import type { Approve } from '../services/approval';
import { ForbiddenError } from './access';

/**
 * The approval the selling services ask for when a cashier goes over a limit (a discount, an
 * open price, another cashier's held sale). The boundary has already checked any approval on
 * the call against the users and their lockout (access.ts); a supervisor needs none.
 */
export const callApprover: Approve = () => {
  const call = currentCall();
  if (call?.user?.role === 'supervisor') return call.user.userId;
  if (call?.approver) return call.approver.userId;
  throw new ForbiddenError(['supervisor'], call?.user != null, call?.user == null);
};
