import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSandboxCode } from '../../../electron/gateway';
import { loadConfig } from '../../../electron/host/config';
import { runKiosk } from '../../../electron/host/kiosk';
import catalogue from '../../../resources/catalogue.json';
import { kioskClient } from '../../helpers/kioskClient';
import { tempDir } from '../../helpers/tmp';

describe.each(['wechat', 'alipay'] as const)(
  'the host with the sandbox speaking %s',
  (protocol) => {
    it('takes a wallet payment end to end through that adapter', async () => {
      const tmp = tempDir(`till-${protocol}-`);
      writeFileSync(join(tmp.dir, 'settings.json'), JSON.stringify({ sandboxProtocol: protocol }));
      const kiosk = await runKiosk(
        loadConfig({ TILL_DATA_DIR: tmp.dir, TILL_PORT: '0', TILL_PRINTER: 'none' }),
        {
          appRoot: resolve('.'),
          version: 'test',
        },
      );
      try {
        const api = kioskClient(kiosk.port, kiosk.token);
        await api.signIn();
        await api.call('sale.scan', { barcode: catalogue[7]!.barcode });
        const channel = protocol === 'alipay' ? 'ALIPAY' : 'WECHAT';
        const started = await api.call('pay.start', {
          kind: 'wallet',
          authCode: makeSandboxCode(channel, '0001', 42),
        });
        expect(started.json.ok).toBe(true);
        const id = (started.json.value as unknown as { paymentId: string }).paymentId;
        let state = '';
        let third: string | null = null;
        for (let i = 0; i < 200 && state !== 'PAID'; i++) {
          const p = (await api.call('pay.status', { paymentId: id })).json.value as unknown as {
            state: string;
            thirdPartyOrderNo: string | null;
          };
          state = p.state;
          third = p.thirdPartyOrderNo;
          await new Promise((r) => setTimeout(r, 10));
        }
        expect(state).toBe('PAID');
        expect(third).toBeTruthy();
        const ledger = kiosk.host.sandbox!.ledger();
        expect(ledger).toHaveLength(1);
        expect(ledger[0]).toMatchObject({
          protocol,
          state: 'charged',
          amountFen: catalogue[7]!.priceFen,
        });
      } finally {
        await kiosk.close();
        tmp.cleanup();
      }
    });
  },
);
