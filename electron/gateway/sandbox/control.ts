import type { IncomingMessage, ServerResponse } from 'node:http';
import { SandboxFaultsSchema, type FaultState } from './faults';
import { ledgerOf } from './ledger';
import type { OrderBook } from './orders';

/** Test-only control API: off unless the sandbox was started with `{ control: true }`. */

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export const isControlPath = (path: string): boolean => path.startsWith('/__sandbox/');

function send(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

/**
 * POST /__sandbox/faults (JSON, merged into the current faults), GET /__sandbox/stats,
 * GET /__sandbox/ledger, GET /__sandbox/voucher?code=… (the customer's phone). Loopback callers
 * only, even if the sandbox listens wider.
 */
export function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  url: string,
  raw: string,
  faults: FaultState,
  book: OrderBook,
): void {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? ''))
    return send(res, 403, { error: 'loopback only' });
  const [path = '', query = ''] = url.split('?');
  if (path === '/__sandbox/voucher' && req.method === 'GET') {
    const voucher = book.voucher(new URLSearchParams(query).get('code') ?? '');
    return voucher ? send(res, 200, voucher) : send(res, 404, { error: 'no charge for that code' });
  }
  if (path === '/__sandbox/faults' && req.method === 'POST') {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return send(res, 400, { error: 'body is not JSON' });
    }
    const parsed = SandboxFaultsSchema.safeParse(json);
    if (!parsed.success)
      return send(res, 400, { error: parsed.error.issues[0]?.message ?? 'bad faults' });
    faults.set(parsed.data);
    return send(res, 200, faults.current());
  }
  if (path === '/__sandbox/stats' && req.method === 'GET') return send(res, 200, faults.stats());
  if (path === '/__sandbox/ledger' && req.method === 'GET') return send(res, 200, ledgerOf(book));
  send(res, 404, { error: 'no such control endpoint' });
}
