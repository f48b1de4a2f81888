import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import { verifyAuthorization } from '../upay/sign';
import type { UpayReply } from '../upay/wire';
import { handleCancel, handlePay, handleQuery } from './handlers';
import { OrderBook, type LedgerEntry } from './orders';
import { commError, PayBodySchema, RefBodySchema } from './protocol';

export interface SandboxOptions {
  /** 0 (default) = any free port. */
  port?: number;
  /** Loopback by default: the sandbox is for this machine only. */
  host?: string;
  terminalSn?: string;
  terminalKey?: string;
  now?: () => number;
}

export interface SandboxGateway {
  url: string;
  port: number;
  terminalSn: string;
  terminalKey: string;
  ledger(): LedgerEntry[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

/** A parsed request, or why it was refused; keeps each handler typed to its own schema. */
type Parsed =
  | { ok: false; message: string }
  | { ok: true; terminalSn: string; run: (book: OrderBook) => UpayReply };
type Route = (json: unknown) => Parsed;

function route<T extends { terminal_sn: string }>(
  schema: z.ZodType<T>,
  handle: (book: OrderBook, body: T) => UpayReply,
): Route {
  return (json) => {
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      return { ok: false, message: parsed.error.issues[0]?.message ?? '参数错误' };
    const body = parsed.data;
    return { ok: true, terminalSn: body.terminal_sn, run: (book) => handle(book, body) };
  };
}

const ROUTES: Record<string, Route> = {
  '/upay/v2/pay': route(PayBodySchema, handlePay),
  '/upay/v2/query': route(RefBodySchema, handleQuery),
  '/upay/v2/cancel': route(RefBodySchema, handleCancel),
};

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, reply: UpayReply): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(reply));
}

/** Signature first (an unsigned caller learns nothing), then JSON, then fields, then terminal. */
function answer(
  book: OrderBook,
  parse: Route,
  raw: string,
  header: string | undefined,
  sn: string,
  key: string,
): UpayReply {
  if (!verifyAuthorization(header, raw, sn, key))
    return commError('400', 'ILLEGAL_SIGN', '签名错误');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return commError('400', 'INVALID_PARAMS', '请求体不是合法的 JSON');
  }
  const parsed = parse(json);
  if (!parsed.ok) return commError('400', 'INVALID_PARAMS', parsed.message);
  if (parsed.terminalSn !== sn) return commError('400', 'INVALID_TERMINAL', '终端号不存在');
  return parsed.run(book);
}

/** The embedded default gateway: a real HTTP server speaking upay v2 on loopback. */
export async function startSandboxGateway(opts: SandboxOptions = {}): Promise<SandboxGateway> {
  const terminalSn = opts.terminalSn ?? '100000990000001';
  const terminalKey = opts.terminalKey ?? randomBytes(16).toString('hex');
  const book = new OrderBook(opts.now ?? Date.now);

  const server = createServer((req, res) => {
    const route = ROUTES[(req.url ?? '').split('?')[0] ?? ''];
    if (req.method !== 'POST' || !route) {
      send(res, 404, commError('400', 'INVALID_PARAMS', 'no such endpoint'));
      return;
    }
    readBody(req).then(
      (raw) => {
        if (raw === null)
          return send(res, 413, commError('400', 'INVALID_PARAMS', 'body too large'));
        try {
          send(
            res,
            200,
            answer(book, route, raw, req.headers.authorization, terminalSn, terminalKey),
          );
        } catch {
          send(res, 500, commError('500', 'UNKNOWN_SYSTEM_ERROR', '系统错误'));
        }
      },
      () => res.destroy(),
    );
  });

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    terminalSn,
    terminalKey,
    ledger: () => book.ledger(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive sockets from fetch would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
