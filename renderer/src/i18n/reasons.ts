import type { Payment } from '../../../shared/domain';

/**
 * The host explains a payment's ending in Chinese only (`reasonText`); the English UI shows
 * these for the codes it knows and the host's own text otherwise.
 */
const REASONS_EN: Record<string, string> = {
  INSUFFICIENT_FUND:
    'Insufficient funds: ask the customer to switch card or method, refresh the code and scan again.',
  EXPIRED_BARCODE: 'The payment code expired: ask the customer to refresh it and scan again.',
  INVALID_BARCODE: 'Invalid payment code: ask the customer to refresh it and scan again.',
  CODE_USED: 'The payment code was already used: ask the customer to refresh it and scan again.',
  TRADE_TIMEOUT: 'The customer did not pay in time and the payment was reversed: scan again.',
  CANCELED_BY_CASHIER: 'Canceled by the cashier; the payment was reversed, nothing was charged.',
  REVERSED: 'The customer did not finish paying; reversed, nothing was charged: scan again.',
  NEEDS_MANUAL:
    'Outcome unknown: do not hand over the goods; a supervisor looks up the merchant order no. on the merchant platform.',
};

export function reasonFor(
  p: Pick<Payment, 'reasonCode' | 'reasonText'>,
  lang: string,
): string | null {
  const en = lang === 'en' && p.reasonCode ? REASONS_EN[p.reasonCode] : undefined;
  return en ?? p.reasonText;
}
