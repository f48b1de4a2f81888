import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSandboxCode, startSandboxGateway } from '../../../electron/gateway';
import catalogue from '../../../resources/catalogue.json';
import { kioskClient } from '../../helpers/kioskClient';
import { seedCatalogue } from '../../helpers/seedCatalogue';
import { kill9, spawnTill } from '../../helpers/spawnTill';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir('till-ratelimit-');
afterAll(() => tmp.cleanup());

/**
 * The time of the last query is kept in the store: a payment resumed after a kill -9 keeps the
 * acquirer's minimum gap to the query sent just before the crash. Acquirer time runs at half
 * speed (TILL_TIME_SCALE=0.5: first query at 6 s, queries ≥ 6 s apart) so a restart, however
 * slow the machine, comes well inside one gap.
 */
describe('a resumed payment keeps the rate limit across a real restart', () => {
  it('kill -9 right after a query; the restarted till waits out the gap (0 refused queries)', async () => {
    const sandbox = await startSandboxGateway();
    const GAP = 6_000;
    sandbox.setFaults({ rateLimit: { minGapMs: GAP } });
    writeFileSync(
      join(tmp.dir, 'settings.json'),
      JSON.stringify({
        gateway: {
          url: sandbox.url,
          terminalSn: sandbox.terminalSn,
          terminalKey: sandbox.terminalKey,
        },
      }),
    );
    // A live till has no catalogue of its own: the shop's goes in before the first start.
    seedCatalogue(tmp.dir);
    const env = {
      TILL_DATA_DIR: tmp.dir,
      TILL_PRINTER: 'none',
      TILL_GATEWAY: sandbox.url,
      TILL_TIME_SCALE: '0.5',
    };
    try {
      const first = await spawnTill(env);
      const api = kioskClient(first.port, first.token);
      const scanned = await api.call('sale.scan', { barcode: catalogue[4]!.barcode });
      expect(scanned.json.ok).toBe(true);
      // 1010: the customer types the password for ~10 s.
      const started = await api.call('pay.start', {
        kind: 'wallet',
        authCode: makeSandboxCode('WECHAT', '1010', 424242),
      });
      const paymentId = (started.json.value as unknown as { paymentId: string }).paymentId;
      while (sandbox.stats().calls.query < 1) await new Promise((r) => setTimeout(r, 5));
      const queriedAt = Date.now();
      await kill9(first);

      const second = await spawnTill(env);
      const restartedIn = Date.now() - queriedAt;
      try {
        const api2 = kioskClient(second.port, second.token);
        let state = '';
        for (let i = 0; i < 600 && state !== 'PAID'; i++) {
          await new Promise((r) => setTimeout(r, 50));
          const r = await api2.call('pay.status', { paymentId });
          state = (r.json.value as unknown as { state: string }).state;
        }
        expect(state).toBe('PAID');
        // The test only proves something if the restart came inside one gap.
        expect(restartedIn).toBeLessThan(GAP);
        expect(sandbox.stats().calls.query).toBeGreaterThanOrEqual(2);
        expect(sandbox.stats().rateLimitViolations).toBe(0);
      } finally {
        await kill9(second);
      }
    } finally {
      await sandbox.close();
    }
  }, 90_000);
});
