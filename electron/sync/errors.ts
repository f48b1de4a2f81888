/**
 * Sorts what went wrong talking to the store database. `offline` is the network or the server
 * being away (retry soon, the outbox waits); `error` is a refusal a retry will not fix by
 * itself (wrong password, another till's role, schema too old), retried slowly.
 */
export interface SyncFault {
  kind: 'offline' | 'error';
  code: string;
  message: string;
}

const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export class SyncRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Removes anything that looks like a URL's credentials or a password from a message. */
export function scrub(text: string): string {
  return text
    .replace(/(postgres(?:ql)?:\/\/[^:/@\s]*):[^@\s]*@/gi, '$1:***@')
    .replace(/(password\s*[=:]\s*)\S+/gi, '$1***');
}

export function classify(err: unknown): SyncFault {
  if (err instanceof SyncRefused)
    return { kind: 'error', code: err.code, message: scrub(err.message) };
  const e = err as { code?: string; message?: string };
  const code = e.code ?? 'UNKNOWN';
  const message = scrub(e.message ?? String(err));
  if (NETWORK.has(code) || /timeout|terminat|Connection ended|not queryable/i.test(message))
    return { kind: 'offline', code, message };
  // SQLSTATE classes: 08 connection, 57P admin shutdown / cannot connect now, 53 resources.
  if (/^(08|57P|53)/.test(code)) return { kind: 'offline', code, message };
  return { kind: 'error', code, message };
}
