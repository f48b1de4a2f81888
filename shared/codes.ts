/** Barcode rules shared by the UI (instant feedback) and the host (the real check). */

export type WalletChannel = 'WECHAT' | 'ALIPAY';

/** EAN-13 with its check digit (GS1 mod-10, weights 1,3). */
export function isValidEan13(code: string): boolean {
  if (!/^\d{13}$/.test(code)) return false;
  const digits = [...code].map(Number);
  const sum = digits.slice(0, 12).reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === digits[12];
}

export function ean13CheckDigit(first12: string): number {
  const sum = [...first12].map(Number).reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10;
}

/**
 * The customer's payment code: WeChat is 18 digits starting 10–15, Alipay 16–24 digits
 * starting 25–30 (payments.md §1.3, §2.2). Anything else is refused before any gateway call.
 */
export function classifyPaymentCode(code: string): WalletChannel | null {
  if (/^1[0-5]\d{16}$/.test(code)) return 'WECHAT';
  if (/^(2[5-9]|30)\d{14,22}$/.test(code)) return 'ALIPAY';
  return null;
}

/** Receipts and logs show a payment code masked: it is a bearer credential for a minute. */
export function maskPaymentCode(code: string): string {
  return code.length <= 8
    ? '****'
    : `${code.slice(0, 4)}${'*'.repeat(code.length - 8)}${code.slice(-4)}`;
}
