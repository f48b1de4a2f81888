import { randomInt, randomUUID } from 'node:crypto';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** yyyyMMddHHmmss in China time, as printed on vouchers and receipts. */
export function chinaStamp(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(
    d.getUTCMinutes(),
  )}${pad(d.getUTCSeconds())}`;
}

/**
 * 商户订单号: digits only (every acquirer accepts them), 24 characters (WeChat allows 32):
 * time, the till number, and 8 random digits so two tills of a store never collide.
 */
export function newMerchantOrderNo(ms: number, tillNo: string): string {
  return `${chinaStamp(ms)}${tillNo.padStart(2, '0').slice(-2)}${pad(randomInt(0, 100_000_000), 8)}`;
}

export const newOrderId = (ms: number): string =>
  `O${chinaStamp(ms)}${pad(randomInt(0, 1_000_000), 6)}`;
export const newId = (prefix: string): string => `${prefix}_${randomUUID()}`;
