import type { NumberKind } from '../../shared/api/recovery';
import { TillError } from '../../shared/errors';
import type { OrderRefKind } from '../gateway/types';

/**
 * A number as the cashier typed it or the scanner read it (the receipt's QR code holds the
 * merchant order no.): spaces taken out, then letters, digits, - and _ only, as every acquirer's
 * order numbers are. Anything else is refused before it reaches the store or the gateway.
 */
export function normalizeNumber(raw: string): string {
  const n = raw.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(n)) throw new TillError('BAD_NUMBER', 'number');
  return n;
}

/**
 * WeChat transaction_id: 28 digits from 4200…; Alipay trade_no: 28 digits from the date. The
 * till's merchant order nos. are 24 digits and upay's sn 16, so the shapes do not overlap.
 */
export const looksThirdParty = (n: string): boolean => /^(4\d{27}|20\d{26})$/.test(n);

export const KIND_OF_KEY: Record<OrderRefKind, NumberKind> = {
  clientSn: 'merchant',
  sn: 'platform',
  tradeNo: 'thirdParty',
};
