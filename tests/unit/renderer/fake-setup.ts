import type { GatewayInfo, GatewaySetup } from '../../../shared/api/setup';
import type { BackupFile, StoreCheck } from '../../../shared/api/store';

/** The setup and store channels of the fake till: as electron/services/gatewaySetup.ts and storeTools.ts. */
export function createFakeSetup(mode: GatewayInfo['mode']) {
  const secrets = new Set<string>();
  let saved: GatewaySetup | null = null;
  const backups: BackupFile[] = [
    {
      file: '/tmp/till/backups/till-20261125T080000Z.db',
      at: '2026-11-25T08:00:00Z',
      bytes: 2_400_000,
    },
  ];
  const info = (restartRequired: boolean): GatewayInfo => {
    const secretName = saved
      ? { upay: 'terminalKey', wechat: 'apiKey', alipay: 'privateKey' }[saved.protocol]
      : null;
    const { protocol, url, ...rest } = saved ?? { protocol: null, url: null };
    const ids = Object.fromEntries(
      Object.entries(rest).filter(([k, v]) => k !== secretName && typeof v === 'string'),
    ) as Record<string, string>;
    return {
      mode,
      reason:
        mode === 'setup'
          ? 'no payment gateway configured yet'
          : 'settings.json holds upay credentials',
      protocol,
      url,
      ids,
      secretName,
      secretSet: secretName !== null && secrets.has(secretName),
      keyStore: 'file',
      keyFile: '/tmp/till/keys.json',
      restartRequired,
    };
  };
  let changed = false;
  return {
    info: () => info(changed),
    /** null = refused (a secret is needed once). */
    configure(input: GatewaySetup): GatewayInfo | null {
      const name = { upay: 'terminalKey', wechat: 'apiKey', alipay: 'privateKey' }[input.protocol];
      const secret = (input as Record<string, unknown>)[name];
      if (typeof secret !== 'string' && !secrets.has(name)) return null;
      if (typeof secret === 'string') secrets.add(name);
      saved = input;
      changed = true;
      return info(true);
    },
    check: (): StoreCheck => ({
      ok: true,
      problems: [],
      checkedAt: new Date().toISOString(),
      ms: 12,
      file: '/tmp/till/till.db',
      bytes: 2_400_000,
      backups,
    }),
    backup(): BackupFile {
      const b = {
        file: `/tmp/till/backups/till-${Date.now()}.db`,
        at: new Date().toISOString(),
        bytes: 2_400_000,
      };
      backups.unshift(b);
      return b;
    },
  };
}
