import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  path: string;
  authorization: string | undefined;
  body: string;
}

export type Behaviour = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A tiny loopback server whose next answers the test scripts, to misbehave on purpose. */
export async function startHostileServer() {
  let behaviour: Behaviour = (_req, res) => res.end('{}');
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
      behaviour(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    set(b: Behaviour) {
      behaviour = b;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export const json =
  (status: number, value: unknown): Behaviour =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(typeof value === 'string' ? value : JSON.stringify(value));
  };

/** A well-formed PAY_SUCCESS about whatever client_sn and amount the test chooses. */
export const paidReply = (clientSn: string, totalAmount: string) => ({
  result_code: '200',
  biz_response: {
    result_code: 'PAY_SUCCESS',
    data: {
      sn: '7800000000000001',
      client_sn: clientSn,
      order_status: 'PAID',
      payway: '3',
      total_amount: totalAmount,
      trade_no: '4200000000202611250000000001',
    },
  },
});
