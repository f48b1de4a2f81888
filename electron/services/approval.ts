/**
 * What a cashier may not do alone, beyond the permission table: each depends on the sale, so the
 * service asks when it applies; the call then carries `approval: {userId, pin}`.
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
 * THE one approval function: answers who approved, or throws FORBIDDEN naming a supervisor's
 * approval. Services call it only when a limit is exceeded; the host passes the one that reads
 * the call's checked approval (electron/api/approver.ts).
 */
export type Approve = (need: ApprovalNeed) => string;
