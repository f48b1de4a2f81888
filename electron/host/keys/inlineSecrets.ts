import { writePrivateFileAtomic } from './privateFile';
import { SECRET_NAMES, type KeyStore, type SecretName } from './keyStore';

/**
 * Older settings.json files (and hand-written ones) carry the gateway key inline. It moves to the
 * key store and settings.json is rewritten without it, so the key never sits there again.
 * Returns the names moved.
 */
export function moveInlineSecrets(
  file: string,
  raw: Record<string, unknown>,
  keys: KeyStore,
): SecretName[] {
  const gateway = raw.gateway;
  if (!gateway || typeof gateway !== 'object') return [];
  const g = { ...(gateway as Record<string, unknown>) };
  const moved: SecretName[] = [];
  for (const name of SECRET_NAMES) {
    const v = g[name];
    if (typeof v !== 'string' || v === '') continue;
    keys.set(name, v);
    delete g[name];
    moved.push(name);
  }
  if (moved.length > 0) {
    raw.gateway = g;
    writePrivateFileAtomic(file, `${JSON.stringify(raw, null, 2)}\n`);
  }
  return moved;
}
