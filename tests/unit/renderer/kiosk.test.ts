import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskApi, type EventSourceLike } from '../../../renderer/src/api/kiosk';

interface Seen {
  method?: string;
  url?: string;
  auth?: string;
  type?: string;
  body: string;
}

const TOKEN = 'k3y-for-this-start';
const seen: Seen[] = [];
let server: Server;
let base = '';

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => resolve(body));
  });

/** A real loopback server that answers the way the kiosk host does, plus some bad answers. */
beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    seen.push({
      method: req.method,
      url: req.url,
      auth: req.headers.authorization,
      type: req.headers['content-type'],
      body,
    });
    const send = (status: number, payload: string) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(payload);
    };
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      return send(
        401,
        JSON.stringify({
          ok: false,
          error: {
            code: 'UNAUTHORIZED',
            message: 'Missing or wrong access token.',
            messageZh: '访问令牌缺失或错误。',
          },
        }),
      );
    }
    if (req.url === '/api/sale.scan') {
      return send(
        422,
        JSON.stringify({
          ok: false,
          error: {
            code: 'UNKNOWN_BARCODE',
            message: 'Unknown barcode',
            messageZh: '条码不存在',
            field: 'barcode',
          },
        }),
      );
    }
    if (req.url === '/api/sale.clear') return send(502, '<html>Bad Gateway</html>');
    if (req.url === '/api/sale.removeLine') return send(200, JSON.stringify({ hello: 'world' }));
    send(200, JSON.stringify({ ok: true, value: { echoed: JSON.parse(body) as unknown } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('kiosk client', () => {
  it('POSTs the input as JSON to /api/<channel> with the bearer token', async () => {
    const api = createKioskApi({ baseUrl: base, token: TOKEN });
    const r = await api['pay.start']({ kind: 'wallet', authCode: '134567890123451010' });
    expect(r).toEqual({
      ok: true,
      value: { echoed: { kind: 'wallet', authCode: '134567890123451010' } },
    });
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/api/pay.start',
      auth: `Bearer ${TOKEN}`,
      type: 'application/json',
    });
  });

  it('returns the error envelope of a 4xx as it is', async () => {
    const api = createKioskApi({ baseUrl: base, token: TOKEN });
    const r = await api['sale.scan']({ barcode: '6900000000000' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'UNKNOWN_BARCODE',
        message: 'Unknown barcode',
        messageZh: '条码不存在',
        field: 'barcode',
      },
    });
  });

  it('gets UNAUTHORIZED (as an envelope) without the right token', async () => {
    const r = await createKioskApi({ baseUrl: base, token: 'wrong' })['app.info']({});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('UNAUTHORIZED');
    const none = await createKioskApi({ baseUrl: base, token: null })['app.info']({});
    expect(seen.at(-1)?.auth).toBeUndefined();
    expect(none.ok).toBe(false);
  });

  it('turns a reply that is not JSON, or not a Result, into INTERNAL', async () => {
    const api = createKioskApi({ baseUrl: base, token: TOKEN });
    const html = await api['sale.clear']({});
    const odd = await api['sale.removeLine']({ lineNo: 1 });
    for (const r of [html, odd]) {
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.error).toMatchObject({
          code: 'INTERNAL',
          messageZh: expect.stringMatching(/收银主机/),
        });
    }
  });

  it('turns a network failure into an INTERNAL envelope, never a throw', async () => {
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const r = await createKioskApi({ baseUrl: `http://127.0.0.1:${port}`, token: TOKEN })[
      'sale.current'
    ]({});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INTERNAL');
  });
});

class FakeEventSource implements EventSourceLike {
  static opened: FakeEventSource[] = [];
  closed = false;
  private handlers = new Map<string, ((e: MessageEvent) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (e: MessageEvent) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  dispatch(type: string, data: string) {
    for (const h of this.handlers.get(type) ?? []) h({ data } as MessageEvent);
  }
}

describe('kiosk events', () => {
  it('opens one EventSource with the token, parses each named event, closes when nobody listens', () => {
    const api = createKioskApi({
      baseUrl: base,
      token: TOKEN,
      openEvents: (url) => new FakeEventSource(url),
    });
    const sales: unknown[] = [];
    const payments: unknown[] = [];
    const offSale = api.on('sale.updated', (s) => sales.push(s));
    const offPay = api.on('payment.updated', (p) => payments.push(p));
    expect(FakeEventSource.opened).toHaveLength(1);
    const source = FakeEventSource.opened[0]!;
    expect(source.url).toBe(`${base}/api/events?token=${TOKEN}`);
    source.dispatch('sale.updated', JSON.stringify({ orderId: 'O1' }));
    source.dispatch('payment.updated', '{not json');
    source.dispatch('payment.updated', JSON.stringify({ paymentId: 'P1' }));
    expect(sales).toEqual([{ orderId: 'O1' }]);
    expect(payments).toEqual([{ paymentId: 'P1' }]);
    offSale();
    expect(source.closed).toBe(false);
    offPay();
    expect(source.closed).toBe(true);
  });

  it('reloads from the host when the stream reconnects, not when it first opens', () => {
    FakeEventSource.opened = [];
    let reloads = 0;
    const api = createKioskApi({
      baseUrl: base,
      token: TOKEN,
      openEvents: (url) => new FakeEventSource(url),
      onReconnect: () => (reloads += 1),
    });
    api.on('sale.updated', () => undefined);
    const source = FakeEventSource.opened[0]!;
    source.dispatch('open', '');
    expect(reloads).toBe(0);
    source.dispatch('error', ''); // the host went away; EventSource retries by itself
    source.dispatch('open', '');
    source.dispatch('open', '');
    expect(reloads).toBe(2);
  });
});
