import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * upay v2 request signature: MD5 over the exact body bytes followed by the key.
 * We emit LOWERCASE hex (Node's default digest form); the sandbox compares against the
 * same lowercase form, so a client that uppercased would be refused with ILLEGAL_SIGN.
 */
export function signBody(body: string, key: string): string {
  return createHash('md5')
    .update(body + key, 'utf8')
    .digest('hex');
}

/** `Authorization: <sn> <sign>` — sn is the terminal_sn once the terminal is activated. */
export function authorizationHeader(sn: string, body: string, key: string): string {
  return `${sn} ${signBody(body, key)}`;
}

/** Server side: does this Authorization header carry our terminal and a valid signature? */
export function verifyAuthorization(
  header: string | undefined,
  body: string,
  sn: string,
  key: string,
): boolean {
  if (!header) return false;
  const [gotSn, gotSign, ...rest] = header.split(' ');
  if (rest.length > 0 || gotSn !== sn || gotSign === undefined) return false;
  const want = Buffer.from(signBody(body, key), 'utf8');
  const got = Buffer.from(gotSign, 'utf8');
  // Constant-time compare so the sandbox does not teach timing attacks by example.
  return want.length === got.length && timingSafeEqual(want, got);
}
