import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../electron/host/config';
import { runKiosk } from '../../../electron/host/kiosk';
import { kioskClient } from '../../helpers/kioskClient';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir('till-allow-api-');
const outside = tempDir('till-allow-outside-');
let kiosk: Awaited<ReturnType<typeof runKiosk>>;
let api: ReturnType<typeof kioskClient>;
let probe: Server;
let probePort = 0;
let connections = 0;

const script = join(outside.dir, 'backup.sh');
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

beforeAll(async () => {
  writeFileSync(script, '#!/bin/sh\necho backup done\n');
  chmodSync(script, 0o755);
  // A local service on a port that is not a printer's: the status probe must never reach it.
  probe = createServer((s) => {
    connections += 1;
    s.destroy();
  });
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  probePort = (probe.address() as { port: number }).port;
  kiosk = await runKiosk(loadConfig({ TILL_DATA_DIR: tmp.dir, TILL_PORT: '0' }), {
    appRoot: resolve('.'),
    version: 'test',
  });
  api = kioskClient(kiosk.port, kiosk.token);
  // A first, accepted change, so settings.json exists and its bytes can be compared.
  expect((await api.call('printer.configure', { uri: 'none' })).json.ok).toBe(true);
});
afterAll(async () => {
  await kiosk.close();
  await new Promise((r) => probe.close(r));
  tmp.cleanup();
  outside.cleanup();
});

describe('printer.configure refuses what is not a printer, and nothing is written', () => {
  it.each([
    () => `file:${script}`,
    () => `file:${join(tmp.dir, 'settings.json')}`,
    () => `file:/dev/usb/lp0/../../..${script}`,
    () => `file:${script.replaceAll('/', '%2f')}`,
    () => `serial:${script}?baud=9600`,
    () => 'tcp://8.8.8.8:9100',
    () => 'tcp://192.168.1.50:22',
    () => `tcp://127.0.0.1:${probePort}`,
    () => 'tcp://0x7f.1:9100',
  ])('%#', async (make) => {
    const uri = make();
    const settings = join(tmp.dir, 'settings.json');
    const before = {
      script: sha(script),
      mtime: statSync(script).mtimeMs,
      settings: sha(settings),
    };
    const r = await api.call('printer.configure', { uri });
    expect(r.json.ok).toBe(false);
    expect(r.json.error?.code).toBe('PRINTER_REFUSED');
    expect(r.json.error?.messageZh).toMatch(/不是打印机.*未做任何更改/);
    // Then every tool that would touch the printer: status, a test page.
    await api.call('printer.status', {});
    await api.call('printer.test', {});
    expect(sha(script)).toBe(before.script);
    expect(statSync(script).mtimeMs).toBe(before.mtime);
    expect(sha(settings)).toBe(before.settings);
    expect(connections).toBe(0);
    const info = (await api.call('printer.info', {})).json.value as unknown as { uri: string };
    expect(info.uri).toBe('none');
    const audit = kiosk.host.repos.audit.recent(5).map((a) => [a.action, a.subject]);
    expect(audit).toContainEqual(['printer.configure.refused', uri]);
  });

  it('audits every accepted change with what it replaced', async () => {
    const r = await api.call('printer.configure', { uri: 'tcp://192.168.1.50:9100' });
    expect(r.json.ok).toBe(true);
    expect(kiosk.host.repos.audit.recent(1)[0]).toMatchObject({
      action: 'printer.configure',
      subject: 'tcp://192.168.1.50:9100',
      detail: expect.stringContaining('"before":"none"'),
    });
    expect(JSON.parse(readFileSync(join(tmp.dir, 'settings.json'), 'utf8')).printer).toBe(
      'tcp://192.168.1.50:9100',
    );
  });
});
