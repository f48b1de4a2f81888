import type { GatewayAnswer } from '../types';
import { authorizationHeader } from './sign';
import { UpayReplySchema, type UpayReply } from './wire';

export interface TransportOptions {
  baseUrl: string;
  terminalSn: string;
  terminalKey: string;
  timeoutMs: number;
  fetchImpl: typeof fetch;
}

export type PostResult = { ok: true; reply: UpayReply } | { ok: false; answer: GatewayAnswer };

const fail = (errorCode: string, errorMessage: string): PostResult => ({
  ok: false,
  answer: { outcome: 'UNKNOWN', errorCode, errorMessage },
});

/** undici wraps socket errors (ECONNRESET, ECONNREFUSED…) in `cause`. */
function describeError(err: unknown): { code: string; message: string } {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return { code: 'NETWORK_TIMEOUT', message: err.message };
  }
  const cause = err instanceof Error ? err.cause : undefined;
  const sys =
    typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined;
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'NETWORK_ERROR', message: sys ? `${sys}: ${message}` : message };
}

/**
 * POST one signed JSON body and parse the reply as untrusted. Every way this can go wrong
 * (timeout, reset, non-2xx, non-JSON, wrong shape) becomes an UNKNOWN answer, never a throw:
 * the request may have reached the platform and charged the customer.
 */
export async function postSigned(
  opts: TransportOptions,
  path: string,
  payload: object,
): Promise<PostResult> {
  const body = JSON.stringify(payload);
  let status: number;
  let text: string;
  try {
    const res = await opts.fetchImpl(`${opts.baseUrl.replace(/\/+$/, '')}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        authorization: authorizationHeader(opts.terminalSn, body, opts.terminalKey),
      },
      body,
      // The same signal bounds the body read, so a server that stalls mid-reply still times out.
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    status = res.status;
    text = await res.text();
  } catch (err) {
    const { code, message } = describeError(err);
    return fail(code, message);
  }
  if (status < 200 || status >= 300) return fail(`HTTP_${status}`, text.slice(0, 200));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('BAD_RESPONSE', 'reply is not JSON');
  }
  const parsed = UpayReplySchema.safeParse(json);
  if (!parsed.success) return fail('BAD_RESPONSE', parsed.error.issues[0]?.message ?? 'bad shape');
  return { ok: true, reply: parsed.data };
}
