import { timingSafeEqual } from 'node:crypto';
import type { Approval } from '../../shared/selling/schemas';
import { TillError } from '../../shared/errors';

/**
 * What a cashier may not do alone. Each is its own action name, so the roles table (issue 9) can
 * gate it: the channel carries `approval: {userId, pin}` only when one of these applies.
 */
export type ApprovalAction =
  /** sale.discount above limits.discountPct / discountFen */
  | 'sale.discount.overLimit'
  /** sale.openPrice above limits.openPriceFen */
  | 'sale.openPrice.overLimit'
  /** sale.recall of a sale another cashier held */
  | 'sale.recall.otherCashier';

export interface ApprovalNeed {
  action: ApprovalAction;
  /** The order it is about. */
  subject: string;
  detail: Record<string, unknown>;
}

/**
 * THE one approval function: answers who approved, or throws APPROVAL_REQUIRED (no approval on
 * the call) / APPROVAL_DENIED. Services call it only when a limit is exceeded; issue 9 replaces
 * the interim PIN check below with its users, roles and lockout.
 */
export type Approve = (need: ApprovalNeed, approval: Approval | undefined) => string;

const MAX_FAILURES = 5;
const LOCK_MS = 5 * 60_000;

/** Interim: one supervisor PIN from settings.json (supervisorPin), locked after 5 wrong tries. */
export function createPinApprover(pin: string | undefined, now: () => number = Date.now): Approve {
  let failures = 0;
  let lockedUntil = 0;
  return (need, approval) => {
    if (!approval) throw new TillError('APPROVAL_REQUIRED', 'approval', need.action);
    if (!pin || now() < lockedUntil) throw new TillError('APPROVAL_DENIED', 'approval');
    const a = Buffer.from(approval.pin);
    const b = Buffer.from(pin);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      failures += 1;
      if (failures >= MAX_FAILURES) {
        failures = 0;
        lockedUntil = now() + LOCK_MS;
      }
      throw new TillError('APPROVAL_DENIED', 'approval');
    }
    failures = 0;
    return approval.userId;
  };
}
