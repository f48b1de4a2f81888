import { randomInt } from 'node:crypto';
import type { Channel } from '../types';

/** yyyyMMdd in China time, as real trade numbers carry the Beijing business date. */
function chinaDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
}

const randomDigits = (n: number): string =>
  Array.from({ length: n }, () => String(randomInt(10))).join('');

/** Ids are random (not counters) so an sn from an earlier sandbox run never matches by luck. */
export function newPlatformSn(): string {
  return `78${randomDigits(14)}`;
}

/** WeChat transaction_id: 28 digits starting 4200; Alipay trade_no: date + 20 digits. */
export function newTradeNo(channel: Channel, nowMs: number): string {
  return channel === 'WECHAT'
    ? `4200${randomDigits(4)}${chinaDate(nowMs)}${randomDigits(12)}`
    : `${chinaDate(nowMs)}${randomDigits(20)}`;
}
