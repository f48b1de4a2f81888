import { describe, expect, it } from 'vitest';
import { createTillStore } from '../../../renderer/src/state/store';
import { CATALOGUE, createFakeTill } from './fake-till';

describe('setup mode and the F10 setup screen state', () => {
  it('in setup mode the till says so and the host refuses payments', async () => {
    const till = createFakeTill(false, 'setup');
    const store = createTillStore(till.api);
    const s = () => store.getState();
    await s().loadInfo();
    expect(s().info).toMatchObject({ mode: 'setup', sandbox: false });
    await s().scan(CATALOGUE[0]!.barcode);
    expect(await s().startCash(1000)).toBe(false);
    expect(s().error).toMatchObject({ code: 'NOT_CONFIGURED' });
    expect(s().error?.messageZh).toContain('尚未配置支付网关');
  });

  it('saves the acquirer once with its key; later edits keep the key without resending it', async () => {
    const till = createFakeTill(false, 'setup');
    const store = createTillStore(till.api);
    const s = () => store.getState();
    await s().openSetup();
    expect(s().gatewayInfo).toMatchObject({ mode: 'setup', protocol: null, secretSet: false });
    const base = {
      protocol: 'upay' as const,
      url: 'https://vsi-api.shouqianba.com',
      terminalSn: 'T1',
    };
    expect(await s().saveGateway(base)).toBe(false); // the key is needed once
    expect(s().setupError).toMatchObject({ code: 'BAD_REQUEST', field: 'terminalKey' });
    expect(await s().saveGateway({ ...base, terminalKey: 'secret-key' })).toBe(true);
    expect(s().setupSaved).toBe(true);
    expect(s().gatewayInfo).toMatchObject({
      protocol: 'upay',
      ids: { terminalSn: 'T1' },
      secretSet: true,
      restartRequired: true,
    });
    expect(JSON.stringify(s().gatewayInfo)).not.toContain('secret-key');
    expect(await s().saveGateway({ ...base, terminalSn: 'T2' })).toBe(true);
    expect(s().gatewayInfo?.ids).toEqual({ terminalSn: 'T2' });
    // A URL that is not one is refused by the contract before it reaches the host.
    expect(await s().saveGateway({ ...base, url: 'not a url' })).toBe(false);
    expect(s().setupError).toMatchObject({ code: 'BAD_REQUEST', field: 'url' });
  });

  it('the technician runs the full store check and a backup, one at a time', async () => {
    const till = createFakeTill();
    const store = createTillStore(till.api);
    const s = () => store.getState();
    await Promise.all([s().checkStore(), s().checkStore()]);
    expect(till.calls.filter((c) => c === 'store.check')).toHaveLength(1);
    expect(s().storeCheck).toMatchObject({ ok: true, problems: [] });
    await s().backupStore();
    expect(s().lastBackup?.file).toMatch(/backups\/till-/);
    s().closeStoreCheck();
    expect(s().storeCheck).toBeNull();
  });
});
