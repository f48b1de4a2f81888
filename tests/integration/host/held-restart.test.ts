import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import catalogue from '../../../resources/catalogue.json';
import { DEMO, kioskClient } from '../../helpers/kioskClient';
import { kill9, spawnTill } from '../../helpers/spawnTill';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir('till-held-');
afterAll(() => tmp.cleanup());

type Api = ReturnType<typeof kioskClient>;
const value = async <T>(api: Api, channel: string, body: unknown = {}): Promise<T> => {
  const r = await api.call(channel, body);
  if (!r.json.ok) throw new Error(`${channel}: ${JSON.stringify(r.json.error)}`);
  return r.json.value as T;
};
interface SaleView {
  orderId: string;
  totalFen: number;
  lines: { barcode: string; qty: number }[];
}
interface Held {
  orderId: string;
  heldAt: string;
  heldBy: string;
  totalFen: number;
  itemCount: number;
  firstItem: string;
}

describe('held sales and the catalogue across a real restart', () => {
  const [a, b, c] = [catalogue[1]!, catalogue[5]!, catalogue[9]!];

  it('keeps several held sales through kill -9 and recalls them afterwards', async () => {
    const dir = join(tmp.dir, 'held');
    const env = { TILL_DATA_DIR: dir, TILL_PRINTER: 'none' };
    const first = await spawnTill(env);
    let api = kioskClient(first.port, first.token);
    await value(api, 'sale.scan', { barcode: `2*${a.barcode}` });
    const heldA = (await value<SaleView>(api, 'sale.current')).orderId;
    await value(api, 'sale.hold');
    await value(api, 'sale.scan', { barcode: b.barcode });
    const heldB = (await value<SaleView>(api, 'sale.current')).orderId;
    await value(api, 'sale.hold');
    await value(api, 'sale.scan', { barcode: c.barcode }); // the customer now at the till
    const open = await value<SaleView>(api, 'sale.current');
    await kill9(first);

    const second = await spawnTill(env);
    try {
      api = kioskClient(second.port, second.token);
      const { held } = await value<{ held: Held[] }>(api, 'sale.held');
      expect(held.map((h) => [h.orderId, h.totalFen, h.itemCount, h.firstItem])).toEqual([
        [heldA, 2 * a.priceFen, 2, a.name],
        [heldB, b.priceFen, 1, b.name],
      ]);
      // Held by the signed-in cashier's 工号 (a restart signs everyone out; spawnTill signs in).
      expect(
        held.every((h) => h.heldBy === DEMO.cashier.userId && !Number.isNaN(Date.parse(h.heldAt))),
      ).toBe(true);
      // The open sale is still the one at the till, and held ones are not it.
      expect((await value<SaleView>(api, 'sale.current')).orderId).toBe(open.orderId);
      const busy = await api.call('sale.recall', { orderId: heldA });
      expect(busy.json.error?.code).toBe('CART_NOT_EMPTY');
      await value(api, 'sale.clear');
      const back = await value<SaleView>(api, 'sale.recall', { orderId: heldA });
      expect(back.orderId).toBe(heldA);
      expect(back.lines).toEqual([expect.objectContaining({ barcode: a.barcode, qty: 2 })]);
      const paid = await value<{ state: string }>(api, 'pay.start', {
        kind: 'cash',
        receivedFen: 10_000,
      });
      expect(paid.state).toBe('PAID');
      expect((await value<{ held: Held[] }>(api, 'sale.held')).held.map((h) => h.orderId)).toEqual([
        heldB,
      ]);
    } finally {
      await kill9(second);
    }
  });

  it('seeds the demo catalogue once, into a fresh sandbox store, and never over the shop’s prices', async () => {
    const dir = join(tmp.dir, 'catalogue');
    const env = { TILL_DATA_DIR: dir, TILL_PRINTER: 'none' };
    // Changing a price is a supervisor's (product.setPrice).
    const first = await spawnTill(env, undefined, undefined, { signIn: DEMO.supervisor });
    let api = kioskClient(first.port, first.token);
    const info = await value<{ version: number; products: number; source: string }>(
      api,
      'catalogue.info',
    );
    expect(info).toMatchObject({ version: 1, source: 'demo', products: catalogue.length });
    await value(api, 'product.setPrice', { barcode: a.barcode, priceFen: a.priceFen + 100 });
    await kill9(first);

    const second = await spawnTill(env);
    try {
      api = kioskClient(second.port, second.token);
      expect(await value(api, 'catalogue.info')).toMatchObject({ version: 2, source: 'edit' });
      const found = await value<{ items: { barcode: string; priceFen: number }[] }>(
        api,
        'product.search',
        {
          query: a.barcode,
        },
      );
      expect(found.items[0]).toMatchObject({ barcode: a.barcode, priceFen: a.priceFen + 100 });
    } finally {
      await kill9(second);
    }
  });

  it('leaves a live till’s catalogue empty until the shop imports its own', async () => {
    const dir = join(tmp.dir, 'live');
    const env = {
      TILL_DATA_DIR: dir,
      TILL_PRINTER: 'none',
      TILL_GATEWAY: 'http://127.0.0.1:9/upay', // nothing answers: no payment is taken here
    };
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({
        gateway: { url: 'http://127.0.0.1:9/upay', terminalSn: 'T1', terminalKey: 'k' },
      }),
    );
    const till = await spawnTill(env);
    try {
      const api = kioskClient(till.port, till.token);
      expect(await value(api, 'catalogue.info')).toMatchObject({ version: 0, products: 0 });
      const r = await api.call('sale.scan', { barcode: a.barcode });
      expect(r.json.error?.code).toBe('UNKNOWN_BARCODE');
    } finally {
      await kill9(till);
    }
  });
});
