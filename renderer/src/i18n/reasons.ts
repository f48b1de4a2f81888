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
  REVERSED_REFUNDED:
    'The customer had paid, but the payment was reversed and the money went back to the customer: nothing was taken for this sale, scan again.',
  CONFIRMED_CLOSED: 'The gateway confirms the payment is closed; nothing was charged.',
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

/** The host's print failure codes (printer/errors.ts), in English; Chinese comes from the host. */
const PRINT_REASONS_EN: Record<string, string> = {
  PAPER_END: 'The printer is out of paper: load a new roll.',
  COVER_OPEN: 'The printer cover is open: close it.',
  OFFLINE: 'The printer is offline: check it.',
  CONNECTION_REFUSED: 'The printer refused the connection: is it on, and is the address right?',
  NOT_FOUND: 'Printer not found: check the printer address setting.',
  BUSY: 'The printer port is in use by another program or driver.',
  TIMEOUT: 'The printer did not answer (timeout): check power and cable.',
  DISCONNECTED: 'The link to the printer dropped during the job: the receipt may be incomplete.',
  NOT_CONFIRMED: 'The printer did not confirm the job: the receipt may or may not have printed.',
  INTERRUPTED: 'The till restarted while printing: the receipt may have printed in part.',
};

export function printReasonFor(
  job: { reasonCode: string | null; reasonText: string | null },
  lang: string,
): string | null {
  const en = lang === 'en' && job.reasonCode ? PRINT_REASONS_EN[job.reasonCode] : undefined;
  return en ?? job.reasonText;
}
