import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeSandboxCode,
  startSandboxGateway,
  type SandboxGateway,
} from '../../../electron/gateway';
import { SANDBOX_MARK } from '../../../electron/receipts/sandboxMark';
import { startVirtualPrinter, type VirtualPrinter } from '../../../printer';
import catalogue from '../../../resources/catalogue.json';
import { kioskClient } from '../../helpers/kioskClient';
import { spawnTill, stopTill } from '../../helpers/spawnTill';
import { tempDir } from '../../helpers/tmp';
import { seedCatalogue } from '../../helpers/seedCatalogue';

const tmp = tempDir('till-live-');
let acquirer: SandboxGateway;
let printer: VirtualPrinter;
beforeAll(async () => {
  // The "acquirer": an upay-protocol server in another process's reach, with its own ledger of
  // what each customer was charged. The till only knows its URL and keys from settings.json.
  acquirer = await startSandboxGateway({ terminalSn: 'T-SHOP-0001', terminalKey: 'k-'.repeat(16) });
  printer = await startVirtualPrinter();
});
afterAll(async () => {
  await acquirer.close();
  await printer.close();
  tmp.cleanup();
});

type Api = ReturnType<typeof kioskClient>;
const v = async <T>(api: Api, channel: string, body: unknown = {}): Promise<T> => {
  const r = await api.call(channel, body);
  if (!r.json.ok) throw new Error(`${channel}: ${JSON.stringify(r.json.error)}`);
  return r.json.value as unknown as T;
};

async function walletSale(api: Api, seq: number): Promise<{ orderId: string; receipt: string }> {
  await v(api, 'sale.scan', { barcode: catalogue[7]!.barcode });
  const sale = await v<{ orderId: string }>(api, 'sale.current');
  const started = await v<{ paymentId: string }>(api, 'pay.start', {
    kind: 'wallet',
    authCode: makeSandboxCode('WECHAT', '0001', seq),
  });
  let state = '';
  for (let i = 0; i < 300 && state !== 'PAID'; i++) {
    state = (await v<{ state: string }>(api, 'pay.status', { paymentId: started.paymentId })).state;
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(state).toBe('PAID');
  let receipt = '';
  for (let i = 0; i < 200 && !receipt; i++) {
    receipt =
      (await v<{ text: string } | null>(api, 'receipt.get', { orderId: sale.orderId }))?.text ?? '';
    await new Promise((r) => setTimeout(r, 20));
  }
  return { orderId: sale.orderId, receipt };
}

describe('live by configuration: credentials in settings mean real money', () => {
  it.each([
    ['no TILL_GATEWAY at all (started from the desktop icon)', undefined],
    ['TILL_GATEWAY=sandbox left in the environment', 'sandbox'],
  ])('%s: the payment goes to the configured acquirer, never to a sandbox', async (_name, env) => {
    const dir = join(tmp.dir, `live-${String(env)}`);
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({
        gateway: {
          protocol: 'upay',
          url: acquirer.url,
          terminalSn: acquirer.terminalSn,
          terminalKey: acquirer.terminalKey,
        },
      }),
    );
    seedCatalogue(dir); // a live till sells the shop's own catalogue: none at first
    const charged = acquirer.ledger().length;
    const jobs = printer.jobs.length;
    const till = await spawnTill({
      TILL_DATA_DIR: dir,
      TILL_GATEWAY: env,
      TILL_PRINTER: printer.uri,
    });
    try {
      expect(till.output()).toMatch(/LIVE \(real money\)/);
      const api = kioskClient(till.port, till.token);
      const info = await v<{
        mode: string;
        sandbox: boolean;
        gateway: string;
        sandboxCodes: unknown[];
      }>(api, 'app.info');
      expect(info).toMatchObject({
        mode: 'live',
        sandbox: false,
        gateway: 'upay',
        sandboxCodes: [],
      });
      const { receipt } = await walletSale(api, 700 + charged);
      const ledger = acquirer.ledger();
      expect(ledger).toHaveLength(charged + 1);
      expect(ledger.at(-1)).toMatchObject({ state: 'charged', amountFen: catalogue[7]!.priceFen });
      // Real receipts carry no test mark: not in the receipt, not in print.txt, not on paper.
      expect(receipt).toContain('微信支付');
      expect(receipt).not.toContain('SANDBOX');
      expect(readFileSync(join(dir, 'print.txt'), 'utf8')).not.toContain('测试小票');
      for (let i = 0; i < 200 && printer.jobs.length === jobs; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(printer.jobs.at(-1)?.text).toContain('微信支付');
      expect(printer.jobs.at(-1)?.text).not.toContain('SANDBOX');
      // The key is not in settings.json any more: it moved to the 0600 key file.
      expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain(acquirer.terminalKey);
    } finally {
      await stopTill(till);
    }
  });

  it('in the sandbox every receipt, print.txt and the paper say it is a test', async () => {
    const dir = join(tmp.dir, 'sandbox-mode');
    const jobs = printer.jobs.length;
    const till = await spawnTill({
      TILL_DATA_DIR: dir,
      TILL_GATEWAY: 'sandbox',
      TILL_PRINTER: printer.uri,
    });
    try {
      expect(till.output()).toMatch(/SANDBOX \(test money/);
      const api = kioskClient(till.port, till.token);
      expect(await v(api, 'app.info')).toMatchObject({ mode: 'sandbox', sandbox: true });
      const { receipt } = await walletSale(api, 1);
      expect(receipt).toContain(SANDBOX_MARK);
      expect(readFileSync(join(dir, 'print.txt'), 'utf8')).toContain(SANDBOX_MARK);
      for (let i = 0; i < 200 && printer.jobs.length === jobs; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(printer.jobs.at(-1)?.text).toContain(SANDBOX_MARK);
    } finally {
      await stopTill(till);
    }
  });
});
