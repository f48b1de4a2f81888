import type { Payment, RefundResult } from '../../../shared/domain';

type Refund = RefundResult['refunds'][number];

/**
 * The fake host's refunds, as `electron/payments/refunds.ts` keeps them: keyed by requestId per
 * payment (the same request refunds once), newest paid payment first, never more than was paid.
 * Cash refunds end at once; wallet refunds end in `walletOutcome` (PENDING = the acquirer has not
 * answered yet; `settle` finishes them).
 */
export function createFakeRefunds() {
  const rows: (Refund & { requestId: string })[] = [];
  let walletOutcome: Refund['state'] = 'REFUNDED';

  const refundable = (p: Payment) =>
    p.amountFen -
    rows
      .filter((r) => r.paymentId === p.paymentId && r.state !== 'FAILED')
      .reduce((s, r) => s + r.amountFen, 0);

  /** null = BAD_REQUEST (nothing or too much to refund). */
  function refund(paid: Payment[], requestId: string, amountFen?: number): Refund[] | null {
    const newestFirst = [...paid].reverse();
    const done = rows.filter(
      (r) => r.requestId === requestId && newestFirst.some((p) => p.paymentId === r.paymentId),
    );
    if (done.length > 0) return done.map(({ requestId: _, ...r }) => r);
    const left = newestFirst.reduce((s, p) => s + refundable(p), 0);
    let rest = amountFen ?? left;
    if (rest <= 0 || rest > left) return null;
    const out: typeof rows = [];
    for (const p of newestFirst) {
      const take = Math.min(rest, refundable(p));
      if (take <= 0) continue;
      const n = rows.filter((r) => r.paymentId === p.paymentId).length + 1;
      const row = {
        paymentId: p.paymentId,
        refundNo: `${p.merchantOrderNo}R${n}`,
        amountFen: take,
        state: p.method === 'CASH' ? ('REFUNDED' as const) : walletOutcome,
        errorCode: walletOutcome === 'FAILED' && p.method !== 'CASH' ? 'REFUND_FAIL' : null,
        requestId,
      };
      rows.push(row);
      out.push(row);
      rest -= take;
      if (rest === 0) break;
    }
    return out.map(({ requestId: _, ...r }) => r);
  }

  /** As electron/payments/refunds.ts summary(): what went back, what is in flight, what is left. */
  function summary(paid: Payment[]) {
    const rows = refunds.of(paid);
    const sum = (state: string) =>
      rows.filter((r) => r.state === state).reduce((n, r) => n + r.amountFen, 0);
    const paidFen = paid.reduce((n, p) => n + p.amountFen, 0);
    const refundedFen = sum('REFUNDED');
    const pendingFen = sum('PENDING');
    const state: 'NONE' | 'PARTIAL' | 'FULL' =
      refundedFen === 0 ? 'NONE' : refundedFen >= paidFen ? 'FULL' : 'PARTIAL';
    return {
      state,
      refundedFen,
      pendingFen,
      refundableFen: Math.max(0, paidFen - refundedFen - pendingFen),
    };
  }

  const refunds = {
    refund,
    /** Every refund of these payments, as order.get answers them. */
    of: (payments: Payment[]): Refund[] =>
      rows
        .filter((r) => payments.some((p) => p.paymentId === r.paymentId))
        .map(({ requestId: _, ...r }) => r),
    /** How the next wallet refunds end. */
    setWalletOutcome: (state: Refund['state']) => (walletOutcome = state),
    /** The acquirer finally answers every PENDING refund. */
    settle: (state: 'REFUNDED' | 'FAILED') =>
      rows.filter((r) => r.state === 'PENDING').forEach((r) => (r.state = state)),
    count: () => rows.length,
  };
  return { ...refunds, summary };
}
