import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../electron/host/config';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir('till-config-');
afterAll(() => tmp.cleanup());
let n = 0;
const dirWith = (settings?: string) => {
  const dir = join(tmp.dir, String(n++));
  mkdirSync(dir);
  if (settings !== undefined) writeFileSync(join(dir, 'settings.json'), settings);
  return dir;
};

describe('configuration', () => {
  it('defaults to the sandbox gateway, the virtual printer and 80 mm paper', () => {
    const c = loadConfig({ TILL_DATA_DIR: dirWith() });
    expect(c).toMatchObject({
      gatewayMode: 'sandbox',
      printerUri: 'virtual',
      printerProfile: '80mm',
      port: 8420,
    });
  });

  it('lets the environment override the settings file', () => {
    const dir = dirWith(JSON.stringify({ printer: 'tcp://10.0.0.9:9100', cashier: '李雷' }));
    expect(loadConfig({ TILL_DATA_DIR: dir }).printerUri).toBe('tcp://10.0.0.9:9100');
    const c = loadConfig({
      TILL_DATA_DIR: dir,
      TILL_PRINTER: 'serial:/dev/ttyUSB0?baud=9600',
      TILL_PORT: '9000',
    });
    expect(c).toMatchObject({
      printerUri: 'serial:/dev/ttyUSB0?baud=9600',
      port: 9000,
      cashier: '李雷',
    });
  });

  it.each([
    ['{broken', /not valid JSON/],
    [JSON.stringify({ tillNo: 'abc' }), /tillNo/],
    [JSON.stringify({ unknownKey: 1 }), /unknownKey|Unrecognized/],
  ])('refuses a bad settings file with a clear message: %s', (text, msg) => {
    expect(() => loadConfig({ TILL_DATA_DIR: dirWith(text) })).toThrow(ConfigError);
    expect(() => loadConfig({ TILL_DATA_DIR: dirWith(text) })).toThrow(msg);
  });

  it('needs credentials for a real gateway and a valid port', () => {
    // An acquirer's address without credentials is setup mode, never a quiet fall-back to the sandbox.
    expect(
      loadConfig({ TILL_DATA_DIR: dirWith(), TILL_GATEWAY: 'https://gw.example' }),
    ).toMatchObject({ gatewayMode: 'setup', gatewayReason: expect.stringMatching(/credentials/) });
    expect(() => loadConfig({ TILL_DATA_DIR: dirWith(), TILL_PORT: '70000' })).toThrow(/port/);
    const dir = dirWith(
      JSON.stringify({ gateway: { url: 'https://x.example', terminalSn: 't1', terminalKey: 'k' } }),
    );
    expect(loadConfig({ TILL_DATA_DIR: dir, TILL_GATEWAY: 'https://gw.example' })).toMatchObject({
      gatewayMode: 'live',
      gateway: { protocol: 'upay', url: 'https://gw.example', terminalSn: 't1' },
    });
  });

  it('takes WeChat or Alipay credentials, and refuses a WeChat key that is too short', () => {
    const wx = {
      protocol: 'wechat',
      url: 'https://api.mch.weixin.qq.com',
      appId: 'wx1',
      mchId: '100',
      apiKey: 'k'.repeat(32),
    };
    expect(
      loadConfig({ TILL_DATA_DIR: dirWith(JSON.stringify({ gateway: wx })), TILL_GATEWAY: wx.url })
        .gateway,
    ).toMatchObject({ protocol: 'wechat' });
    const short = JSON.stringify({ gateway: { ...wx, apiKey: 'short' } });
    expect(() => loadConfig({ TILL_DATA_DIR: dirWith(short) })).toThrow(/apiKey/);
    const ali = {
      protocol: 'alipay',
      url: 'https://openapi.alipay.com',
      appId: '2021',
      privateKeyPath: '/k',
      alipayPublicKeyPath: '/p',
    };
    expect(
      loadConfig({
        TILL_DATA_DIR: dirWith(JSON.stringify({ gateway: ali, sandboxProtocol: 'alipay' })),
      }),
    ).toMatchObject({ sandboxProtocol: 'alipay' });
  });
});
