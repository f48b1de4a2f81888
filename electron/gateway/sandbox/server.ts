import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { commError } from './protocol';
import { handleAlipay } from './alipay';
import { handleControl, isControlPath } from './control';
import {
  alipayKeys,
  newWechatCredentials,
  type AlipayCredentials,
  type WechatCredentials,
} from './credentials';
import { jsonExchange, type Exchange, type SandboxContext } from './exchange';
import { FaultState, type SandboxFaults, type SandboxStats } from './faults';
import { ledgerOf, type LedgerEntry } from './ledger';
import { OrderBook, type Voucher } from './orders';
import { handleUpay, isUpayPath } from './upay';
import { handleWechat } from './wechat';

export interface SandboxOptions {
  /** 0 (default) = any free port. */
  port?: number;
  /** Loopback by default: the sandbox is for this machine only. */
  host?: string;
  terminalSn?: string;
  terminalKey?: string;
  wechat?: Partial<WechatCredentials>;
  alipayAppId?: string;
  now?: () => number;
  /** Enables the test-only control API under /__sandbox/ (loopback callers only). */
  control?: boolean;
}

export interface SandboxGateway {
  url: string;
  port: number;
  terminalSn: string;
  terminalKey: string;
  readonly wechat: WechatCredentials;
  /** RSA keys are made on first use (they cost ~100 ms). */
  readonly alipay: AlipayCredentials;
  ledger(): LedgerEntry[];
  /** What the customer's phone shows for the payment made with this code (null: not charged). */
  voucher(authCode: string): Voucher | null;
  /** Merges into the current faults; counted faults are used up by the next requests. */
  setFaults(faults: SandboxFaults): void;
  faults(): SandboxFaults;
  stats(): SandboxStats;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

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

function dispatch(
  ctx: SandboxContext,
  req: IncomingMessage,
  path: string,
  raw: string,
): Exchange | null {
  if (isUpayPath(path)) return handleUpay(ctx, path, raw, req.headers.authorization);
  if (path === '/gateway.do') return handleAlipay(ctx, raw);
  return handleWechat(ctx, path, raw);
}

/** The embedded default gateway: one loopback HTTP server speaking upay v2, WeChat v2 and Alipay. */
export async function startSandboxGateway(opts: SandboxOptions = {}): Promise<SandboxGateway> {
  const terminalSn = opts.terminalSn ?? '100000990000001';
  const terminalKey = opts.terminalKey ?? randomBytes(16).toString('hex');
  const book = new OrderBook(opts.now ?? Date.now);
  const faults = new FaultState();
  const wechat = newWechatCredentials(opts.wechat);
  const alipayAppId =
    opts.alipayAppId ?? `2021${randomBytes(6).toString('hex').replace(/\D/g, '7').slice(0, 12)}`;
  const alipay = (): AlipayCredentials => ({ appId: alipayAppId, ...alipayKeys() });
  const ctx: SandboxContext = {
    book,
    faults,
    terminal: { sn: terminalSn, key: terminalKey },
    wechat,
    alipay,
  };
  const timers = new Set<NodeJS.Timeout>();

  /** The network between acquirer and till: faults decide how the committed answer travels. */
  function deliver(res: ServerResponse, ex: Exchange): void {
    if (faults.take('dropThenDown')) {
      faults.set({ http5xx: 1000 });
      res.socket?.destroy();
      return;
    }
    if (ex.lostReply || faults.take('dropAfterCommit')) {
      res.socket?.destroy();
      return;
    }
    const body = ex.render(ex.signed && faults.take('badSignature'));
    const write = () => {
      res.writeHead(ex.status, { 'content-type': ex.contentType });
      res.end(body);
    };
    const hang = faults.takeHang();
    if (hang === 0) return write();
    const t = setTimeout(() => {
      timers.delete(t);
      if (!res.destroyed) write();
    }, hang);
    timers.add(t);
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    readBody(req).then(
      (raw) => {
        if (raw === null)
          return deliver(
            res,
            jsonExchange(413, commError('400', 'INVALID_PARAMS', 'body too large')),
          );
        if (opts.control && isControlPath(path))
          return handleControl(req, res, req.url ?? path, raw, faults, book);
        if (req.method !== 'POST')
          return deliver(
            res,
            jsonExchange(404, commError('400', 'INVALID_PARAMS', 'no such endpoint')),
          );
        if (faults.take('http5xx')) {
          // Refused before the acquirer saw it: nothing is committed.
          res.writeHead(500, { 'content-type': 'text/plain' });
          return res.end('Internal Server Error');
        }
        let ex: Exchange | null;
        try {
          ex = dispatch(ctx, req, path, raw);
        } catch {
          ex = jsonExchange(500, commError('500', 'UNKNOWN_SYSTEM_ERROR', '系统错误'));
        }
        deliver(
          res,
          ex ?? jsonExchange(404, commError('400', 'INVALID_PARAMS', 'no such endpoint')),
        );
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
    wechat,
    get alipay() {
      return alipay();
    },
    ledger: () => ledgerOf(book),
    voucher: (authCode) => book.voucher(authCode),
    setFaults: (f) => faults.set(f),
    faults: () => faults.current(),
    stats: () => faults.stats(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive sockets from fetch would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
