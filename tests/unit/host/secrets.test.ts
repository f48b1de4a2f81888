import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../electron/host/config';
import { openKeyStore, type SecretCipher } from '../../../electron/host/keys/keyStore';
import { updateSettings } from '../../../electron/host/settingsFile';
import { safeStorageCipher } from '../../../electron/shell/keys';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir('till-secrets-');
afterAll(() => tmp.cleanup());
let n = 0;
const fresh = () => {
  const dir = join(tmp.dir, String(n++));
  mkdirSync(dir);
  return dir;
};
const mode = (f: string) => statSync(f).mode & 0o777;
const KEY = 'd41d8cd98f00b204e9800998ecf8427e-terminal';

/** An AES-GCM cipher standing in for the OS key store behind Electron's safeStorage. */
function osCipher(): SecretCipher {
  const key = randomBytes(32);
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

describe('gateway secrets at rest', () => {
  it('moves an inline key out of settings.json into a 0600 key file, and uses it live', () => {
    const dir = fresh();
    const gateway = { url: 'https://gw.example', terminalSn: 't1', terminalKey: KEY };
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ gateway }), { mode: 0o644 });
    const c = loadConfig({ TILL_DATA_DIR: dir });
    expect(c).toMatchObject({ gatewayMode: 'live', gateway: { terminalKey: KEY } });
    const settingsText = readFileSync(join(dir, 'settings.json'), 'utf8');
    expect(settingsText).not.toContain(KEY);
    expect(settingsText).toContain('t1');
    expect(mode(join(dir, 'settings.json'))).toBe(0o600);
    expect(mode(join(dir, 'keys.json'))).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8'))).toEqual({
      version: 1,
      protection: 'file',
      keys: { terminalKey: KEY },
    });
    // The next start reads it from the key store.
    expect(loadConfig({ TILL_DATA_DIR: dir }).gateway).toMatchObject({ terminalKey: KEY });
  });

  it('keeps the key file 0600 after every rewrite, even if someone loosened it', () => {
    const dir = fresh();
    const keys = openKeyStore(dir);
    keys.set('terminalKey', 'one');
    expect(mode(keys.file)).toBe(0o600);
    for (const value of ['two', 'three', 'four']) {
      chmodSync(keys.file, 0o644);
      keys.set('terminalKey', value);
      expect(mode(keys.file)).toBe(0o600);
    }
    chmodSync(keys.file, 0o666);
    const again = openKeyStore(dir); // opening alone tightens it
    expect(mode(keys.file)).toBe(0o600);
    expect(again.get('terminalKey')).toBe('four');
    again.delete('terminalKey');
    expect(mode(keys.file)).toBe(0o600);
    expect(openKeyStore(dir).names()).toEqual([]);
  });

  it('a printer change rewrites settings.json at 0600 and never with a key in it', () => {
    const dir = fresh();
    const keys = openKeyStore(dir);
    keys.set('terminalKey', KEY);
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ gateway: { url: 'https://gw.example', terminalSn: 't1' } }),
      { mode: 0o644 },
    );
    updateSettings(dir, { printer: 'tcp://192.168.1.50:9100' });
    expect(mode(join(dir, 'settings.json'))).toBe(0o600);
    // Even a change that carried a key inline does not put it there.
    updateSettings(dir, {
      gateway: { protocol: 'upay', url: 'https://gw.example', terminalSn: 't1', terminalKey: KEY },
    });
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain(KEY);
    expect(loadConfig({ TILL_DATA_DIR: dir }).gateway).toMatchObject({ terminalKey: KEY });
  });

  it('credentials whose key is missing start in setup mode, never in the sandbox', () => {
    const dir = fresh();
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ gateway: { url: 'https://gw.example', terminalSn: 't1' } }),
    );
    expect(loadConfig({ TILL_DATA_DIR: dir, TILL_GATEWAY: 'sandbox' })).toMatchObject({
      gatewayMode: 'setup',
      gatewayReason: expect.stringMatching(/terminalKey/),
    });
  });

  it('with safeStorage (Electron) the file holds only sealed values; a plain file is sealed on open', () => {
    const dir = fresh();
    openKeyStore(dir).set('apiKey', 'k'.repeat(32)); // e.g. written by `npm run keys`
    const cipher = osCipher();
    const sealed = openKeyStore(dir, cipher);
    expect(sealed.protection).toBe('safeStorage');
    const onDisk = readFileSync(sealed.file, 'utf8');
    expect(onDisk).not.toContain('k'.repeat(32));
    expect(JSON.parse(onDisk).protection).toBe('safeStorage');
    expect(mode(sealed.file)).toBe(0o600);
    expect(openKeyStore(dir, cipher).get('apiKey')).toBe('k'.repeat(32));
    // Without Electron the sealed key cannot be read: it is reported, not guessed.
    const plain = openKeyStore(dir);
    expect(plain.get('apiKey')).toBeUndefined();
    expect(plain.sealed()).toEqual(['apiKey']);
    expect(() => plain.set('terminalKey', 'x')).toThrow(/sealed by the desktop app/);
  });

  it('uses safeStorage only where it really encrypts', () => {
    const s = {
      isEncryptionAvailable: () => true,
      encryptString: (v: string) => Buffer.from(`enc:${v}`),
      decryptString: (b: Buffer) => b.toString().slice(4),
      getSelectedStorageBackend: () => 'gnome_libsecret',
    };
    const c = safeStorageCipher(s, 'linux');
    expect(c?.decrypt(c.encrypt('secret'))).toBe('secret');
    expect(
      safeStorageCipher({ ...s, getSelectedStorageBackend: () => 'basic_text' }, 'linux'),
    ).toBeNull();
    expect(safeStorageCipher({ ...s, isEncryptionAvailable: () => false }, 'win32')).toBeNull();
    expect(
      safeStorageCipher({ ...s, getSelectedStorageBackend: () => 'basic_text' }, 'win32'),
    ).not.toBeNull();
  });
});
