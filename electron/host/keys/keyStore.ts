import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PRIVATE_FILE, tighten, writePrivateFileAtomic } from './privateFile';

/**
 * The gateway secrets (upay's terminal key, WeChat's v2 API key, the Alipay app's private key)
 * and the store database's password (sync.password, electron/sync).
 */
export const SECRET_NAMES = ['terminalKey', 'apiKey', 'privateKey', 'sync.password'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];
export const isSecretName = (n: string): n is SecretName =>
  (SECRET_NAMES as readonly string[]).includes(n);

/** Electron's safeStorage (OS keychain / DPAPI / libsecret), passed in by electron/shell/. */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

export interface KeyStore {
  /** 'safeStorage' = sealed by the OS through Electron; 'file' = plain in a 0600 file. */
  readonly protection: 'safeStorage' | 'file';
  readonly file: string;
  get(name: SecretName): string | undefined;
  set(name: SecretName, value: string): void;
  delete(name: SecretName): void;
  names(): SecretName[];
  /** Keys this process cannot open (sealed by safeStorage, read without Electron). */
  sealed(): SecretName[];
}

const KeyFileSchema = z.object({
  version: z.literal(1),
  protection: z.enum(['safeStorage', 'file']),
  keys: z.record(z.string(), z.string()),
});
type KeyFile = z.infer<typeof KeyFileSchema>;

export class KeyFileError extends Error {}

/**
 * `<dataDir>/keys.json`, never part of settings.json. With a cipher each value is sealed by
 * safeStorage (base64); without one (kiosk mode, the CLI) values are plain and the file's 0600
 * mode is the protection. A plain file found by Electron is sealed on the spot.
 */
export function openKeyStore(dataDir: string, cipher?: SecretCipher): KeyStore {
  const file = join(dataDir, 'keys.json');
  const protection = cipher ? 'safeStorage' : 'file';
  let data: KeyFile = { version: 1, protection, keys: {} };
  if (existsSync(file)) {
    if (process.platform !== 'win32' && (statSync(file).mode & 0o777) !== PRIVATE_FILE)
      tighten(file, PRIVATE_FILE);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new KeyFileError(`${file} is not valid JSON: ${(err as Error).message}`);
    }
    const r = KeyFileSchema.safeParse(parsed);
    if (!r.success) throw new KeyFileError(`${file} is not a till key file`);
    data = r.data;
  }
  const open = (v: string): string | undefined => {
    if (data.protection === 'file') return v;
    if (!cipher) return undefined;
    return cipher.decrypt(Buffer.from(v, 'base64'));
  };
  const seal = (v: string): string => (cipher ? cipher.encrypt(v).toString('base64') : v);
  const save = () => writePrivateFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`);

  if (cipher && data.protection === 'file' && Object.keys(data.keys).length > 0) {
    data = {
      version: 1,
      protection: 'safeStorage',
      keys: Object.fromEntries(Object.entries(data.keys).map(([k, v]) => [k, seal(v)])),
    };
    save();
  }
  const canWrite = () => {
    if (data.protection === 'safeStorage' && !cipher && Object.keys(data.keys).length > 0)
      throw new KeyFileError(
        `${file} is sealed by the desktop app (safeStorage): enter keys there, or delete the file to start over`,
      );
  };
  return {
    protection: data.protection === 'safeStorage' || cipher ? 'safeStorage' : 'file',
    file,
    get: (name) => {
      const v = data.keys[name];
      return v === undefined ? undefined : open(v);
    },
    set(name, value) {
      canWrite();
      data = { version: 1, protection, keys: { ...data.keys, [name]: seal(value) } };
      save();
    },
    delete(name) {
      canWrite();
      const { [name]: _gone, ...rest } = data.keys;
      data = { version: 1, protection, keys: rest };
      save();
    },
    names: () => Object.keys(data.keys).filter(isSecretName),
    sealed: () =>
      data.protection === 'safeStorage' && !cipher
        ? Object.keys(data.keys).filter(isSecretName)
        : [],
  };
}
