import { FINAL_PAYMENT_STATES, type OrderStatus, type Payment } from '../../shared/domain';
import type { Repos } from '../store';

export const isFinal = (p: Payment): boolean => FINAL_PAYMENT_STATES.includes(p.state);

const paidFen = (payments: Payment[]): number =>
  payments.filter((p) => p.state === 'PAID').reduce((sum, p) => sum + p.amountFen, 0);

/** What is still to pay on an order: its total less every PAID payment (split tender). */
export function dueFen(repos: Pick<Repos, 'payments' | 'sales'>, orderId: string): number {
  const sale = repos.sales.get(orderId);
  return sale ? Math.max(0, sale.totalFen - paidFen(repos.payments.byOrder(orderId))) : 0;
}

/**
 * The order's status follows its payments: PAID when nothing is due; PAYING while a payment is
 * under way or part is paid (the cart stays locked); else OPEN. A parked order (挂起) has left
 * the till: only its full payment (a case that turned out paid) moves it, to PAID. VOID is final.
 */
export function settleOrder(
  repos: Pick<Repos, 'payments' | 'sales'>,
  orderId: string,
  at: string,
): OrderStatus {
  const sale = repos.sales.get(orderId);
  if (!sale) return 'OPEN';
  const payments = repos.payments.byOrder(orderId);
  const paid = paidFen(payments);
  const busy = payments.some((p) => !isFinal(p));
  const full = paid > 0 && paid >= sale.totalFen;
  if (sale.status === 'VOID' || (sale.status === 'PARKED' && !full)) return sale.status;
  const status: OrderStatus = full ? 'PAID' : busy || paid > 0 ? 'PAYING' : 'OPEN';
  if (sale.status !== status) repos.sales.setStatus(orderId, status, at);
  return status;
}
