import type { CaseView } from '../../shared/api/recovery';
import type { Payment } from '../../shared/domain';
import { isFinal } from '../payments/tender';
import type { Repos } from '../store';
import type { CaseRow } from '../store/cases';

type ViewRepos = Pick<Repos, 'sales' | 'payments' | 'refunds'>;

const refundedOf = (repos: ViewRepos, payments: Payment[]) =>
  payments.flatMap((p) => repos.refunds.byPayment(p.paymentId)).filter((r) => r.state !== 'FAILED');

/** A case with what the till knows of its order and payments right now. */
export function caseView(repos: ViewRepos, c: CaseRow): CaseView {
  const sale = c.orderId ? repos.sales.get(c.orderId) : null;
  const payments = c.orderId ? repos.payments.byOrder(c.orderId) : [];
  const paid = payments.filter((p) => p.state === 'PAID');
  const paidFen = paid.reduce((n, p) => n + p.amountFen, 0);
  const refunds = refundedOf(repos, paid);
  const refundedFen = refunds
    .filter((r) => r.state === 'REFUNDED')
    .reduce((n, r) => n + r.amountFen, 0);
  const payment = c.paymentId ? repos.payments.get(c.paymentId) : null;
  let status: CaseView['status'];
  if (c.state === 'RESOLVED') status = 'RESOLVED';
  else if (payments.some((p) => p.state === 'NEEDS_MANUAL')) status = 'NEEDS_QUERY';
  else if (payments.some((p) => !isFinal(p))) status = 'CONFIRMING';
  else if (refunds.some((r) => r.state === 'PENDING')) status = 'REFUNDING';
  else if (paidFen > refundedFen) status = 'CHARGED';
  else status = 'NOT_CHARGED';
  return {
    ...c,
    status,
    orderStatus: sale?.status ?? null,
    paymentState: payment?.state ?? null,
    paidFen,
    refundedFen,
  };
}
