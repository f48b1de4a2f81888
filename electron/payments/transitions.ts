import type { PaymentState } from '../../shared/domain';

/**
 * The payment state machine as one table (DESIGN.md): from → the states it may move to. The
 * store holds the same table (migration 006, `payment_moves`) and a trigger refuses any other
 * move; tests/unit/payments/transitions.test.ts keeps the two equal. Staying in a state (a
 * resumed QUERYING, a repeated PENDING) is always allowed.
 */
export const PAYMENT_MOVES: Readonly<Record<PaymentState, readonly PaymentState[]>> = {
  // Cash ends PAID at once; a NEW found after a crash was never sent (FAILED NOT_SENT).
  NEW: ['SUBMITTING', 'PAID', 'FAILED'],
  // A resumed SUBMITTING is polled (QUERYING), or reversed when its window has passed.
  SUBMITTING: ['PAID', 'FAILED', 'PENDING', 'QUERYING', 'REVERSING'],
  PENDING: ['QUERYING', 'REVERSING', 'PAID', 'FAILED', 'REVERSED'],
  QUERYING: ['PENDING', 'REVERSING', 'PAID', 'FAILED', 'REVERSED'],
  REVERSING: ['REVERSED', 'PAID', 'NEEDS_MANUAL'],
  // A supervisor case: the reconciler reverses again, or a query/sync settles it either way.
  NEEDS_MANUAL: ['REVERSING', 'PAID', 'REVERSED', 'FAILED'],
  // The gateway turned out to have the money after all (late charge, 补单 / sync).
  FAILED: ['PAID'],
  REVERSED: ['PAID'],
  // Refunds are their own records: a paid payment stays PAID.
  PAID: [],
};

export const canMove = (from: PaymentState, to: PaymentState): boolean =>
  from === to || PAYMENT_MOVES[from].includes(to);
