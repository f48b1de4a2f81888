import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../electron/host/config';
import { runKiosk } from '../../../electron/host/kiosk';
import { startVirtualPrinter, type VirtualPrinter } from '../../../printer';
import catalogue from '../../../resources/catalogue.json';
import { APPROVAL, kioskClient } from '../../helpers/kioskClient';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir('till-kiosk-');
let kiosk: Awaited<ReturnType<typeof runKiosk>>;
let printer: VirtualPrinter;
let api: ReturnType<typeof kioskClient>;

beforeAll(async () => {
  printer = await startVirtualPrinter();
  const config = loadConfig({
    TILL_DATA_DIR: tmp.dir,
    TILL_PORT: '0',
    TILL_PRINTER: printer.uri,
    TILL_PRINTER_PORTS: String(printer.port),
  });
  kiosk = await runKiosk(config, { appRoot: resolve('.'), version: 'test' });
  api = kioskClient(kiosk.port, kiosk.token);
  await api.signIn();
});
afterAll(async () => {
  await kiosk.close();
  await printer.close();
  tmp.cleanup();
});

const rawGet = (port: number, path: string, host: string) =>
  new Promise<number>((done, fail) => {
    request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    })
      .on('error', fail)
      .end();
  });

describe('kiosk API boundary', () => {
  it('refuses calls without the token, or with a wrong one, with an envelope', async () => {
    for (const token of ['', 'wrong', kiosk.token.slice(1)]) {
      const r = await kioskClient(kiosk.port, token).call('sale.current', {});
      expect(r.status).toBe(401);
      expect(r.json).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    expect(await rawGet(kiosk.port, '/', 'evil.example:80')).toBe(403);
    expect(await rawGet(kiosk.port, '/', `127.0.0.1:${kiosk.port}`)).not.toBe(403);
    const r = await fetch(`${api.base}/api/sale.current`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${kiosk.token}`,
        'Content-Type': 'application/json',
        Origin: 'http://evil.example',
      },
      body: '{}',
    });
    expect(r.status).toBe(403);
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses malformed bodies and unknown channels without changing the sale', async () => {
    const before = (await api.call('sale.current', {})).json.value;
    const cases: [string, unknown, string][] = [
      ['sale.scan', '{not json', 'BAD_REQUEST'],
      ['sale.scan', { barcode: 42 }, 'BAD_REQUEST'],
      ['sale.scan', { barcode: catalogue[0]!.barcode, extra: true }, 'BAD_REQUEST'],
      ['sale.setQty', { lineNo: 1, qty: -3 }, 'BAD_REQUEST'],
      ['pay.start', { kind: 'card' }, 'BAD_REQUEST'],
      ['db.exec', {}, 'UNKNOWN_CHANNEL'],
      ['sale.scan', { barcode: '6900000000007' }, 'UNKNOWN_BARCODE'],
      ['sale.scan', { barcode: '6900000000000' }, 'BAD_CHECK_DIGIT'],
      ['sale.scan', { barcode: '<script>' }, 'BAD_BARCODE'],
      ['pay.start', { kind: 'wallet', authCode: '1234' }, 'BAD_PAYMENT_CODE'],
    ];
    for (const [channel, body, code] of cases) {
      const r = await api.call(channel, body);
      expect(r.json.ok, `${channel} ${JSON.stringify(body)}`).toBe(false);
      expect(r.json.error?.code).toBe(code);
      expect(r.json.error?.messageZh).toMatch(/[\u4e00-\u9fff]/);
    }
    const text = await fetch(`${api.base}/api/sale.current`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${kiosk.token}`, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(text.status).toBe(400);
    expect((await api.call('sale.current', {})).json.value).toEqual(before);
  });

  it('serves the UI with a CSP and never a file outside the renderer folder', async () => {
    const index = await fetch(`${api.base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      expect(await rawGet(kiosk.port, path, `127.0.0.1:${kiosk.port}`)).toBe(404);
    }
  });

  it('a cash sale prints to the TCP printer and writes print.txt with the same receipt', async () => {
    const [a, b] = [catalogue[3]!, catalogue[20]!];
    await api.call('sale.scan', { barcode: a.barcode });
    await api.call('sale.scan', { barcode: b.barcode, qty: 2 });
    const sale = (await api.call('sale.current', {})).json.value as unknown as {
      orderId: string;
      totalFen: number;
    };
    expect(sale.totalFen).toBe(a.priceFen + 2 * b.priceFen);
    const paid = await api.call('pay.start', { kind: 'cash', receivedFen: 10_000 });
    expect(paid.json.value).toMatchObject({ state: 'PAID', changeFen: 10_000 - sale.totalFen });
    for (let i = 0; i < 200 && printer.jobs.length === 0; i++)
      await new Promise((r) => setTimeout(r, 10));
    const job = printer.jobs.at(-1)!;
    expect(job.text).toContain(a.name);
    // The drawer opened on its own when the cash was taken, before the receipt; never inside it.
    expect(job.drawerKicks).toBe(0);
    expect(printer.drawerKicks).toHaveLength(1);
    expect(printer.log.indexOf('ESC p')).toBeLessThan(printer.log.indexOf('job'));
    const txt = readFileSync(join(tmp.dir, 'print.txt'), 'utf8');
    expect(txt).toContain(b.name);
    const receipt = (await api.call('receipt.get', { orderId: sale.orderId })).json
      .value as unknown as { text: string; printJob: { state: string } };
    expect(receipt.text).toBe(txt);
    for (let i = 0; i < 200; i++) {
      const r = (await api.call('receipt.get', { orderId: sale.orderId })).json
        .value as unknown as { printJob: { state: string } };
      if (r.printJob.state === 'PRINTED') break;
      await new Promise((res) => setTimeout(res, 10));
    }
    expect(
      (
        (await api.call('receipt.get', { orderId: sale.orderId })).json.value as unknown as {
          printJob: { state: string };
        }
      ).printJob.state,
    ).toBe('PRINTED');
    // The next sale starts empty.
    expect((await api.call('sale.current', {})).json.value).toMatchObject({
      lines: [],
      status: 'OPEN',
    });
  });

  it('a refund is idempotent by request id, shows in the order, and more than is left is refused', async () => {
    await api.call('sale.scan', { barcode: catalogue[30]!.barcode });
    const sale = (await api.call('sale.current', {})).json.value as unknown as {
      orderId: string;
      totalFen: number;
    };
    await api.call('pay.start', { kind: 'cash', receivedFen: sale.totalFen });
    const ask = { orderId: sale.orderId, requestId: 'r-1', amountFen: 100, reason: '顾客退货' };
    // The signed-in cashier alone may not refund: FORBIDDEN, naming who may, nothing refunded.
    const alone = await api.call('order.refund', ask);
    expect(alone.status).toBe(403);
    expect(alone.json.error).toMatchObject({
      code: 'FORBIDDEN',
      need: { roles: ['supervisor'], approval: true },
    });
    expect(alone.json.error?.messageZh).toMatch(/主管/);
    const none = (await api.call('order.get', { orderId: sale.orderId })).json.value as unknown as {
      refunds: unknown[];
    };
    expect(none.refunds).toEqual([]);
    const once = await api.call('order.refund', { ...ask, approval: APPROVAL });
    const again = await api.call('order.refund', { ...ask, approval: APPROVAL });
    const refundsOf = (r: typeof once) => (r.json.value as unknown as { refunds: unknown }).refunds;
    expect(refundsOf(once)).toEqual(refundsOf(again));
    const detail = (await api.call('order.get', { orderId: sale.orderId })).json
      .value as unknown as {
      refunds: { amountFen: number; state: string }[];
    };
    expect(detail.refunds).toEqual([
      expect.objectContaining({ amountFen: 100, state: 'REFUNDED' }),
    ]);
    const tooMuch = await api.call('order.refund', {
      orderId: sale.orderId,
      requestId: 'r-2',
      amountFen: sale.totalFen,
      reason: '顾客退货',
      approval: APPROVAL,
    });
    expect(tooMuch.json.error).toMatchObject({ code: 'REFUND_TOO_MUCH', field: 'amountFen' });
    expect(tooMuch.json.error?.messageZh).toMatch(/可退金额/);
  });
});
