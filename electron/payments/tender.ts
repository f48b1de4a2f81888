import type { OrderStatus } from '../../shared/domain';
import type { Repos } from '../store';

/** What is still to pay on an order: its total less every PAID payment (split tender). */
export function dueFen(repos: Pick<Repos, 'payments' | 'sales'>, orderId: string): number {
  const sale = repos.sales.get(orderId);
  if (!sale) return 0;
  const paid = repos.payments
    .byOrder(orderId)
    .filter((p) => p.state === 'PAID')
    .reduce((sum, p) => sum + p.amountFen, 0);
  return Math.max(0, sale.totalFen - paid);
}

/**
 * The order's status follows its payments: PAID when nothing is due; PAYING while a payment is
 * under way, a supervisor case is open, or part is paid (the cart stays locked); else OPEN.
 */
export function settleOrder(
  repos: Pick<Repos, 'payments' | 'sales'>,
  orderId: string,
  at: string,
): OrderStatus {
  const payments = repos.payments.byOrder(orderId);
  const busy = payments.some((p) => !['PAID', 'FAILED', 'REVERSED'].includes(p.state));
  const anyPaid = payments.some((p) => p.state === 'PAID');
  const status: OrderStatus =
    anyPaid && dueFen(repos, orderId) === 0 ? 'PAID' : busy || anyPaid ? 'PAYING' : 'OPEN';
  if (repos.sales.get(orderId)?.status !== status) repos.sales.setStatus(orderId, status, at);
  return status;
}
