import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeSandboxCode,
  startSandboxGateway,
  type SandboxGateway,
} from '../../../electron/gateway';
import catalogue from '../../../resources/catalogue.json';
import { APPROVAL, DEMO, kioskClient } from '../../helpers/kioskClient';
import { spawnTill, stopTill } from '../../helpers/spawnTill';
import { tempDir } from '../../helpers/tmp';
import { seedCatalogue } from '../../helpers/seedCatalogue';

const tmp = tempDir('till-setup-');
let acquirer: SandboxGateway;
beforeAll(async () => {
  acquirer = await startSandboxGateway({
    terminalSn: 'T-SETUP-1',
    terminalKey: 'setup-key-'.repeat(3),
  });
});
afterAll(async () => {
  await acquirer.close();
  tmp.cleanup();
});
const v = async <T>(api: ReturnType<typeof kioskClient>, channel: string, body: unknown = {}) => {
  const r = await api.call(channel, body);
  if (!r.json.ok) throw new Error(`${channel}: ${JSON.stringify(r.json.error)}`);
  return r.json.value as unknown as T;
};

describe('a supervisor sets the gateway up; the till goes live at its next start', () => {
  it('credentials without their key: setup mode; gateway.configure stores the key; restart: live', async () => {
    const dir = join(tmp.dir, 'shop');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({
        gateway: { protocol: 'upay', url: acquirer.url, terminalSn: acquirer.terminalSn },
      }),
    );
    seedCatalogue(dir); // a live till sells the shop's own catalogue: none at first
    const env = { TILL_DATA_DIR: dir, TILL_PRINTER: 'none', TILL_GATEWAY: 'sandbox' };
    const first = await spawnTill(env);
    let api = kioskClient(first.port, first.token);
    try {
      // Not live (no key), and not the sandbox either, on a dev checkout with TILL_GATEWAY=sandbox.
      expect(await v(api, 'app.info')).toMatchObject({ mode: 'setup', sandbox: false });
      await v(api, 'sale.scan', { barcode: catalogue[4]!.barcode });
      expect(
        (await api.call('pay.start', { kind: 'cash', receivedFen: 100_000 })).json.error?.code,
      ).toBe('NOT_CONFIGURED');
      expect(
        (
          await api.call('order.refund', {
            orderId: 'O1',
            requestId: 'r-1',
            reason: '顾客退货',
            approval: APPROVAL,
          })
        ).json.error?.code,
      ).toBe('NOT_CONFIGURED');
      // The acquirer's key is a setting: the supervisor enters it.
      await api.signIn(DEMO.supervisor);
      const before = await v<{ secretSet: boolean; secretName: string }>(api, 'gateway.info');
      expect(before).toMatchObject({
        secretSet: false,
        secretName: 'terminalKey',
        keyStore: 'file',
      });
      const after = await v<Record<string, unknown>>(api, 'gateway.configure', {
        protocol: 'upay',
        url: acquirer.url,
        terminalSn: acquirer.terminalSn,
        terminalKey: acquirer.terminalKey,
      });
      expect(after).toMatchObject({ secretSet: true, restartRequired: true, mode: 'setup' });
      expect(JSON.stringify(after)).not.toContain(acquirer.terminalKey);
    } finally {
      await stopTill(first);
    }
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain(acquirer.terminalKey);
    expect(statSync(join(dir, 'keys.json')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'keys.json'), 'utf8')).toContain(acquirer.terminalKey);

    const second = await spawnTill(env);
    api = kioskClient(second.port, second.token);
    try {
      expect(await v(api, 'app.info')).toMatchObject({ mode: 'live', gateway: 'upay' });
      const p = await v<{ paymentId: string }>(api, 'pay.start', {
        kind: 'wallet',
        authCode: makeSandboxCode('WECHAT', '0001', 5),
      });
      let state = '';
      for (let i = 0; i < 300 && state !== 'PAID'; i++) {
        state = (await v<{ state: string }>(api, 'pay.status', { paymentId: p.paymentId })).state;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(state).toBe('PAID');
      expect(acquirer.ledger()).toHaveLength(1);
      // The change is in the audit log, without the key. The store tools are a technician's.
      await api.signIn(DEMO.technician);
      const check = await v<{ ok: boolean; problems: string[]; backups: { file: string }[] }>(
        api,
        'store.check',
      );
      expect(check).toMatchObject({ ok: true, problems: [] });
      const backup = await v<{ file: string }>(api, 'store.backup');
      expect(statSync(backup.file).size).toBeGreaterThan(4096);
      expect(statSync(backup.file).mode & 0o777).toBe(0o600);
    } finally {
      await stopTill(second);
    }
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(join(dir, 'till.db'), { readonly: true });
    const rows = db
      .prepare(
        "SELECT action, subject, detail FROM audit_log WHERE action IN ('gateway.configure', 'store.backup')",
      )
      .all() as {
      action: string;
      detail: string;
    }[];
    db.close();
    expect(rows.map((r) => r.action)).toEqual(['gateway.configure', 'store.backup']);
    expect(rows[0]!.detail).toContain('"secretChanged":true');
    expect(rows[0]!.detail).not.toContain(acquirer.terminalKey);
  });
});
