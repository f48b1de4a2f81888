import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_PRINTER_PORTS, parsePortList } from '../../printer/transport/allow';
import { asStoreError } from '../store/failures';
import { EDITION, type Flavour } from './edition';
import { decideGateway, type GatewayMode } from './gatewayMode';
import { moveInlineSecrets } from './keys/inlineSecrets';
import { openKeyStore, type KeyStore, type SecretName } from './keys/keyStore';
import { sellingSettings } from './sellingSettings';

/**
 * A real acquirer: the aggregator (upay v2, the default when `protocol` is left out), WeChat Pay
 * v2 micropay, or Alipay face-to-face. The secret (terminalKey, apiKey, privateKey) lives in the
 * key store (keys/keyStore.ts); one found inline here is moved there at start.
 */
const GatewaySettingsSchema = z.preprocess(
  (v) => (v && typeof v === 'object' && !('protocol' in v) ? { ...v, protocol: 'upay' } : v),
  z.discriminatedUnion('protocol', [
    z
      .object({
        protocol: z.literal('upay'),
        url: z.url(),
        terminalSn: z.string().min(1),
        terminalKey: z.string().min(1).optional(),
      })
      .strict(),
    z
      .object({
        protocol: z.literal('wechat'),
        url: z.url(),
        appId: z.string().min(1),
        mchId: z.string().min(1),
        apiKey: z.string().min(32).optional(),
        signType: z.enum(['MD5', 'HMAC-SHA256']).optional(),
        /** PKCS#12 client certificate for reverse/refund (apiclient_cert.p12). */
        certP12Path: z.string().optional(),
      })
      .strict(),
    z
      .object({
        protocol: z.literal('alipay'),
        url: z.url(),
        appId: z.string().min(1),
        /** The app's RSA2 private key: a PEM file, or `privateKey` in the key store. */
        privateKeyPath: z.string().min(1).optional(),
        privateKey: z.string().min(1).optional(),
        alipayPublicKeyPath: z.string().min(1),
      })
      .strict(),
  ]),
);
export type GatewaySettings = z.infer<typeof GatewaySettingsSchema>;

/** Settings kept in <dataDir>/settings.json; the environment overrides them (DESIGN.md). */
export const SettingsSchema = z
  .object({
    storeName: z.string().min(1).max(40).default('好邻居便利店（示范店）'),
    cashier: z.string().min(1).max(20).default('王芳'),
    tillNo: z
      .string()
      .regex(/^\d{1,2}$/)
      .default('01'),
    printerProfile: z.enum(['58mm', '80mm-180dpi', '80mm']).default('80mm'),
    /** The printer's Chinese font (GS I 69 tells); characters outside it print as □. */
    printerFont: z.enum(['GB2312', 'GBK', 'GB18030']).optional(),
    printer: z.string().optional(),
    /** Extra TCP ports a network printer may use, beyond 9100–9109. */
    printerPorts: z.array(z.number().int().min(1).max(65535)).max(64).optional(),
    /** Acquirer credentials (live), or "sandbox" to ask for the embedded sandbox. */
    gateway: z.union([z.literal('sandbox'), GatewaySettingsSchema]).optional(),
    /**
     * A till vendor's custom receipt template (a JSON file; relative to the data folder), see
     * electron/receipts/template.ts. Unset: the till's default receipt.
     */
    receiptTemplate: z.string().min(1).max(300).optional(),
    /**
     * The store database (electron/sync): `postgres://till_role@host:5432/store`, its password
     * in the key store as `sync.password`. TILL_SYNC_URL overrides it.
     */
    sync: z
      .object({ url: z.string().regex(/^postgres(ql)?:\/\//) })
      .strict()
      .optional(),
    /** Which wire protocol the embedded sandbox speaks to the till (all three are emulated). */
    sandboxProtocol: z.enum(['upay', 'wechat', 'alipay']).default('upay'),
    ...sellingSettings,
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;

/** The secret each protocol needs from the key store. */
export const SECRET_OF: Record<GatewaySettings['protocol'], SecretName> = {
  upay: 'terminalKey',
  wechat: 'apiKey',
  alipay: 'privateKey',
};

export interface TillConfig extends Omit<Settings, 'gateway'> {
  dataDir: string;
  /** 'virtual' = the built-in virtual printer (the default when TILL_PRINTER is unset). */
  printerUri: string;
  /** TCP ports a network printer may use (9100–9109, plus settings and TILL_PRINTER_PORTS). */
  printerPortList: number[];
  /** live: the configured acquirer; sandbox: the embedded one; setup: no payments yet. */
  gatewayMode: GatewayMode;
  gatewayReason: string;
  /** The acquirer's credentials with their secret filled in from the key store (live only). */
  gateway?: GatewaySettings;
  flavour: Flavour;
  port: number;
  /** The store database to sync with; null: this till works alone. */
  syncUrl: string | null;
}

export class ConfigError extends Error {}

export const dataDirOf = (env: NodeJS.ProcessEnv): string =>
  resolve(env.TILL_DATA_DIR || join(homedir(), '.till'));

function readSettings(file: string, keys: KeyStore): Settings {
  let raw: unknown = {};
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new ConfigError(`${file} is not valid JSON: ${(err as Error).message}`);
    }
  }
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  try {
    moveInlineSecrets(file, raw as Record<string, unknown>, keys);
  } catch (err) {
    throw asStoreError(err, file); // e.g. a read-only folder: said as such, not as a stack trace
  }
  return parsed.data;
}

/** The credentials with their secret from the key store; `missing` names what is not there. */
function withSecret(g: GatewaySettings, keys: KeyStore): { g: GatewaySettings; missing: string[] } {
  const name = SECRET_OF[g.protocol];
  const value = (g as Record<string, unknown>)[name] ?? keys.get(name);
  if (g.protocol === 'alipay' && g.privateKeyPath) return { g, missing: [] };
  if (typeof value !== 'string' || value === '') return { g, missing: [name] };
  if (g.protocol === 'wechat' && value.length < 32)
    throw new ConfigError(`gateway.apiKey: the WeChat v2 API key has 32 characters`);
  return { g: { ...g, [name]: value } as GatewaySettings, missing: [] };
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  keys: KeyStore = openKeyStore(dataDirOf(env)),
): TillConfig {
  const dataDir = dataDirOf(env);
  const { gateway: gatewaySetting, ...settings } = readSettings(
    join(dataDir, 'settings.json'),
    keys,
  );
  const creds =
    gatewaySetting && gatewaySetting !== 'sandbox' ? withSecret(gatewaySetting, keys) : null;
  const choice = decideGateway({
    settings: gatewaySetting,
    missingSecrets: creds?.missing ?? [],
    env: env.TILL_GATEWAY,
    flavour: EDITION.flavour,
    sandboxBuilt: EDITION.demo !== null,
  });
  const port = Number(env.TILL_PORT ?? 8420);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`TILL_PORT=${env.TILL_PORT} is not a port`);
  let extraPorts: number[];
  try {
    extraPorts = parsePortList(env.TILL_PRINTER_PORTS ?? '');
  } catch (err) {
    throw new ConfigError(`TILL_PRINTER_PORTS: ${(err as Error).message}`);
  }
  const live = choice.mode === 'live' && creds ? creds.g : undefined;
  return {
    ...settings,
    dataDir,
    printerUri: env.TILL_PRINTER || settings.printer || 'virtual',
    printerPortList: [
      ...new Set([...DEFAULT_PRINTER_PORTS, ...(settings.printerPorts ?? []), ...extraPorts]),
    ],
    gatewayMode: choice.mode,
    gatewayReason: choice.reason,
    ...(live ? { gateway: choice.urlOverride ? { ...live, url: choice.urlOverride } : live } : {}),
    flavour: EDITION.flavour,
    port,
    syncUrl: syncUrl(env.TILL_SYNC_URL, settings.sync?.url),
  };
}

function syncUrl(fromEnv: string | undefined, fromSettings: string | undefined): string | null {
  const url = fromEnv || fromSettings || null;
  if (url && !/^postgres(ql)?:\/\/[^/]+\/\w+/.test(url))
    throw new ConfigError('TILL_SYNC_URL must look like postgres://user@host:5432/database');
  return url;
}
