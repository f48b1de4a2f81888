import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../electron/host/config';
import { runKiosk } from '../../../electron/host/kiosk';
import { startVirtualPrinter, type VirtualPrinter } from '../../../printer';
import catalogue from '../../../resources/catalogue.json';
import { kioskClient } from '../../helpers/kioskClient';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir('till-tech-');
let kiosk: Awaited<ReturnType<typeof runKiosk>>;
let api: ReturnType<typeof kioskClient>;
let second: VirtualPrinter;
type V = Record<string, unknown> & { [k: string]: never };
const value = async (channel: string, body: unknown = {}) => {
  const r = await api.call(channel, body);
  if (!r.json.ok) throw new Error(`${channel}: ${JSON.stringify(r.json.error)}`);
  return r.json.value as unknown as V;
};

beforeAll(async () => {
  second = await startVirtualPrinter();
  // TILL_PRINTER unset: the built-in virtual printer, as on a newcomer's machine. The second
  // printer's free port is outside 9100–9109, so it is allowed as an installer would allow it.
  kiosk = await runKiosk(
    loadConfig({
      TILL_DATA_DIR: tmp.dir,
      TILL_PORT: '0',
      TILL_PRINTER_PORTS: String(second.port),
    }),
    { appRoot: resolve('.'), version: 'test' },
  );
  api = kioskClient(kiosk.port, kiosk.token);
});
afterAll(async () => {
  await kiosk.close();
  await second.close();
  tmp.cleanup();
});

describe('technician tools over the API', () => {
  it('shows the virtual printer, its live status, and prints a test page it decodes', async () => {
    const info = (await value('printer.info')) as unknown as {
      virtual: boolean;
      uri: string;
      profile: string;
    };
    expect(info).toMatchObject({ virtual: true, profile: '80mm' });
    const status = (await value('printer.status')) as unknown as {
      known: boolean;
      online: boolean;
      words: string[];
    };
    expect(status).toMatchObject({ known: true, online: true });
    expect(status.words.join(' ')).toMatch(/在线 online/);
    const test = (await value('printer.test', { drawer: true })) as unknown as {
      job: { state: string };
      drawer: { ok: boolean; reason: string; command: string };
    };
    expect(test.job.state).toBe('PRINTED');
    // The drawer is tested on its own, as at a sale: never a kick inside the page.
    expect(test.drawer).toMatchObject({ ok: true, reason: 'test', command: 'ESC p' });
    const last = (await value('printer.lastJob')) as unknown as {
      kind: string;
      rows: { hex: string; meaning: string }[];
      text: string;
    };
    expect(last.kind).toBe('test');
    expect(last.rows[0]).toMatchObject({ hex: '1b 40' });
    expect(last.rows.some((r) => /drawer|钱箱/i.test(r.meaning))).toBe(false);
    expect(last.text).toContain('打印测试');
    const decoded = kiosk.host.virtualPrinter!.jobs.at(-1)!;
    expect(decoded.drawerKicks).toBe(0);
    expect(kiosk.host.virtualPrinter!.drawerKicks).toHaveLength(1);
    const only = (await value('printer.test', { drawerOnly: true })) as unknown as {
      job: null;
      drawer: { ok: boolean };
    };
    expect(only).toMatchObject({ job: null, drawer: { ok: true } });
    expect(decoded.text).toContain('欢迎光临');
  });

  it('switches to another printer (saved to settings.json) and refuses a malformed URI', async () => {
    const bad = await api.call('printer.configure', { uri: 'gopher://x' });
    expect(bad.json.error?.code).toBe('BAD_REQUEST');
    const info = (await value('printer.configure', {
      uri: second.uri,
      profile: '58mm',
    })) as unknown as { uri: string; profile: string };
    expect(info).toMatchObject({ uri: second.uri, profile: '58mm' });
    // The printer's Chinese font: what it lacks prints as □ (here: a GB2312-only printer).
    const gb2312 = (await value('printer.configure', {
      uri: second.uri,
      profile: '58mm',
      font: 'GB2312',
    })) as unknown as { font: string };
    expect(gb2312.font).toBe('GB2312');
    expect(JSON.parse(readFileSync(join(tmp.dir, 'settings.json'), 'utf8'))).toMatchObject({
      printerFont: 'GB2312',
    });
    expect(JSON.parse(readFileSync(join(tmp.dir, 'settings.json'), 'utf8'))).toMatchObject({
      printer: second.uri,
      printerProfile: '58mm',
    });
    await value('printer.test', {});
    expect(second.jobs).toHaveLength(1);
    const report = (await value('printer.report')) as unknown as { text: string };
    expect(report.text).toContain(second.uri);
    expect(report.text).toMatch(/58/);
    // A development checkout runs the sandbox: its report says so first, as its receipts do.
    expect(report.text.split('\n')[0]).toBe('测试小票 · 不作为支付凭证 / SANDBOX');
  });

  it('a sale prints on the configured 58 mm printer and the preview is the decoded job', async () => {
    await value('sale.scan', { barcode: catalogue[40]!.barcode });
    const sale = (await value('sale.current')) as unknown as { orderId: string };
    await value('pay.start', { kind: 'cash', receivedFen: 100_000 });
    for (let i = 0; i < 200 && second.jobs.length < 2; i++)
      await new Promise((r) => setTimeout(r, 10));
    const paper = second.jobs.at(-1)!;
    expect(paper.text).toContain(catalogue[40]!.name.slice(0, 6));
    for (const line of paper.lines) expect(line.length).toBeLessThanOrEqual(32);
    const preview = (await value('receipt.preview', { orderId: sale.orderId })) as unknown as {
      lines: { kind: string; text: string }[];
      png: string;
      columns: number;
    };
    expect(preview.columns).toBe(32);
    expect(preview.png).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(preview.lines.filter((l) => l.kind === 'qr')).toHaveLength(1);
    expect(preview.lines.map((l) => l.text).join('\n')).toContain('找零');
  });
});
