import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { XmlFields } from './xml';

/** WeChat v2 sign types (payments.md §1.2); MD5 is the default when sign_type is absent. */
export type WechatSignType = 'MD5' | 'HMAC-SHA256';

/**
 * WeChat v2 signature (payments.md §1.8): fields except `sign` with non-empty values, sorted
 * by key (ASCII), `k=v&…&key=<API key>`, then MD5 or HMAC-SHA256 (keyed with the API key),
 * UPPERCASE hex.
 */
export function wechatSign(fields: XmlFields, apiKey: string, type: WechatSignType): string {
  const stringA = Object.keys(fields)
    .filter((k) => k !== 'sign' && fields[k] !== undefined && fields[k] !== '')
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join('&');
  const temp = `${stringA}&key=${apiKey}`;
  const hash =
    type === 'MD5'
      ? createHash('md5').update(temp, 'utf8')
      : createHmac('sha256', apiKey).update(temp, 'utf8');
  return hash.digest('hex').toUpperCase();
}

/** Recomputes over every returned field (unknown extras included) and compares in constant time. */
export function verifyWechatSign(fields: XmlFields, apiKey: string, type: WechatSignType): boolean {
  const got = fields.sign;
  if (got === undefined || got === '') return false;
  const want = Buffer.from(wechatSign(fields, apiKey, type), 'utf8');
  const have = Buffer.from(got, 'utf8');
  return want.length === have.length && timingSafeEqual(want, have);
}
