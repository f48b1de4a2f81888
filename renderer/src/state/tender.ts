import type { Payment, Sale } from '../../../shared/domain';
import type { All } from './types';

/** What the order's PAID payments cover (split tender: part cash, part wallet). */
export const paidFen = (payments: readonly Payment[]): number =>
  payments.filter((p) => p.state === 'PAID').reduce((sum, p) => sum + p.amountFen, 0);

/** The order total less every PAID payment, never below zero. */
export const dueOf = (sale: Pick<Sale, 'totalFen'>, payments: readonly Payment[]): number =>
  Math.max(0, sale.totalFen - paidFen(payments));

/** The payments on screen belong to the sale on the till (not to the one before). */
const tenderOf = (s: All): readonly Payment[] =>
  s.sale && s.tenderOrderId === s.sale.orderId ? s.orderPayments : [];

/** Selector: what the customer still has to pay for the sale on the till. */
export const selectDue = (s: All): number => (s.sale ? dueOf(s.sale, tenderOf(s)) : 0);

/** Selector: what is already paid on the sale on the till (0 unless a split tender is open). */
export const selectPaid = (s: All): number => paidFen(tenderOf(s));
