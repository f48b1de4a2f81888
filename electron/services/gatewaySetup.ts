import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GatewayInfo, GatewaySetup } from '../../shared/api/setup';
import { TillError } from '../../shared/errors';
import { SECRET_OF, SettingsSchema, type GatewaySettings } from '../host/config';
import type { GatewayMode } from '../host/gatewayMode';
import type { KeyStore } from '../host/keys/keyStore';
import { updateSettings } from '../host/settingsFile';
import type { Repos } from '../store';
import { iso, type Clock } from './clock';

export interface GatewaySetupDeps {
  dataDir: string;
  keys: KeyStore;
  audit: Repos['audit'];
  clock: Clock;
  actor: () => string;
  /** How the running host decided (config.ts): changes apply at the next start. */
  running: { mode: GatewayMode; reason: string };
}

const IDS = ['terminalSn', 'appId', 'mchId', 'signType', 'alipayPublicKeyPath'] as const;

/** The supervisor's setup screen: the acquirer's details to settings.json, the key to the key store. */
export function createGatewaySetup(d: GatewaySetupDeps) {
  let changed = false;
  const saved = (): GatewaySettings | 'sandbox' | undefined => {
    const file = join(d.dataDir, 'settings.json');
    if (!existsSync(file)) return undefined;
    const r = SettingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return r.success ? r.data.gateway : undefined;
  };

  function info(): GatewayInfo {
    const g = saved();
    const creds = g && g !== 'sandbox' ? g : null;
    const secretName = creds ? SECRET_OF[creds.protocol] : null;
    const ids: Record<string, string> = {};
    for (const k of IDS) {
      const v = creds ? (creds as Record<string, unknown>)[k] : undefined;
      if (typeof v === 'string') ids[k] = v;
    }
    return {
      mode: d.running.mode,
      reason: d.running.reason,
      protocol: creds?.protocol ?? null,
      url: creds?.url ?? null,
      ids,
      secretName,
      secretSet:
        secretName !== null &&
        (d.keys.names().includes(secretName) ||
          (creds?.protocol === 'alipay' && Boolean(creds.privateKeyPath))),
      keyStore: d.keys.protection,
      keyFile: d.keys.file,
      restartRequired: changed,
    };
  }

  function configure(input: GatewaySetup): GatewayInfo {
    const secretName = SECRET_OF[input.protocol];
    const { [secretName as keyof GatewaySetup]: secret, ...plain } = input as Record<
      string,
      unknown
    >;
    const before = saved();
    const keepPath =
      input.protocol === 'alipay' && before && before !== 'sandbox' && before.protocol === 'alipay'
        ? before.privateKeyPath
        : undefined;
    const hasSecret =
      typeof secret === 'string' || d.keys.names().includes(secretName) || keepPath !== undefined;
    if (!hasSecret) throw new TillError('BAD_REQUEST', secretName, `${secretName} is needed once`);
    const gateway = { ...plain, ...(keepPath ? { privateKeyPath: keepPath } : {}) };
    try {
      updateSettings(d.dataDir, { gateway: gateway as GatewaySettings });
    } catch {
      throw new TillError('BAD_REQUEST', 'gateway');
    }
    if (typeof secret === 'string') d.keys.set(secretName, secret);
    changed = true;
    d.audit.record(iso(d.clock.now()), d.actor(), 'gateway.configure', input.protocol, {
      url: input.url,
      ...Object.fromEntries(IDS.filter((k) => k in plain).map((k) => [k, plain[k]])),
      secretChanged: typeof secret === 'string',
      keyStore: d.keys.protection,
    });
    return info();
  }

  return { info, configure };
}
export type GatewaySetupService = ReturnType<typeof createGatewaySetup>;
