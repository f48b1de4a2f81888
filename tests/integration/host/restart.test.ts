import { afterAll, describe, expect, it } from 'vitest';
import catalogue from '../../../resources/catalogue.json';
import { kioskClient } from '../../helpers/kioskClient';
import { kill9, spawnTill } from '../../helpers/spawnTill';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir('till-restart-');
afterAll(() => tmp.cleanup());

describe('a killed till comes back with its cart', () => {
  it('SIGKILL with items in the cart, start again: the same sale, same lines', async () => {
    const env = { TILL_DATA_DIR: tmp.dir, TILL_PRINTER: 'none' };
    const first = await spawnTill(env);
    const api = kioskClient(first.port, first.token);
    await api.call('sale.scan', { barcode: catalogue[1]!.barcode });
    await api.call('sale.scan', { barcode: catalogue[2]!.barcode, qty: 3 });
    const before = (await api.call('sale.current', {})).json.value as unknown as {
      orderId: string;
      totalFen: number;
    };
    await kill9(first);

    const second = await spawnTill(env);
    try {
      // The token belongs to the data folder: the tab's token still works after the restart.
      expect(second.token).toBe(first.token);
      const after = (await kioskClient(second.port, second.token).call('sale.current', {})).json
        .value as unknown as {
        orderId: string;
        totalFen: number;
        lines: { barcode: string; qty: number }[];
      };
      expect(after.orderId).toBe(before.orderId);
      expect(after.totalFen).toBe(before.totalFen);
      expect(after.lines.map((l) => [l.barcode, l.qty])).toEqual([
        [catalogue[1]!.barcode, 1],
        [catalogue[2]!.barcode, 3],
      ]);
    } finally {
      await kill9(second);
    }
  });
});
