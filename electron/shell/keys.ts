import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../host/keys/keyStore';

/**
 * Electron's safeStorage as the key store's cipher: DPAPI on Windows, the keychain on macOS,
 * libsecret/kwallet on Linux. Linux without a keyring falls back to a hard-coded password
 * ('basic_text'), which protects nothing: then the 0600 key file is the protection, and says so.
 */
export function safeStorageCipher(
  s: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
    getSelectedStorageBackend?: () => string;
  },
  platform: NodeJS.Platform = process.platform,
): SecretCipher | null {
  if (!s.isEncryptionAvailable()) return null;
  if (platform === 'linux' && s.getSelectedStorageBackend?.() === 'basic_text') return null;
  return {
    encrypt: (plain) => s.encryptString(plain),
    decrypt: (sealed) => s.decryptString(sealed),
  };
}
