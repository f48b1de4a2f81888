import { createSign, createVerify } from 'node:crypto';

/**
 * Alipay OpenAPI 2.0 signatures (payments.md §2.5, after alipay-sdk-nodejs `util.ts`).
 * RSA2 = SHA256withRSA, base64.
 */

/** Request: every param except `sign` (sign_type included), empty values dropped, sorted, `k=v&…`. */
export function requestSignContent(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

export function rsa2Sign(content: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(content, 'utf8').sign(privateKeyPem, 'base64');
}

export function rsa2Verify(content: string, signature: string, publicKeyPem: string): boolean {
  try {
    return createVerify('RSA-SHA256')
      .update(content, 'utf8')
      .verify(publicKeyPem, signature, 'base64');
  } catch {
    // A malformed key or signature is a failed verification, not a crash.
    return false;
  }
}

/**
 * The exact bytes Alipay signed: the raw JSON text of `"<key>":{…}` — from its `{` to the
 * matching `}` — as it appeared on the wire. Re-serializing would change spacing, key order or
 * escapes and break (or worse, fake) verification. Strings are skipped so braces inside values
 * do not count. Returns null when the key or a balanced object is not there.
 */
export function extractSignedText(raw: string, key: string): string | null {
  const at = raw.indexOf(`"${key}"`);
  if (at === -1) return null;
  let i = at + key.length + 2;
  while (raw[i] === ' ' || raw[i] === '\n' || raw[i] === '\r' || raw[i] === '\t') i++;
  if (raw[i] !== ':') return null;
  i++;
  while (raw[i] === ' ' || raw[i] === '\n' || raw[i] === '\r' || raw[i] === '\t') i++;
  if (raw[i] !== '{') return null;
  const start = i;
  let depth = 0;
  let inString = false;
  for (; i < raw.length; i++) {
    const c = raw[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return raw.slice(start, i + 1);
  }
  return null;
}
