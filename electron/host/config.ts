import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * A real acquirer: the aggregator (upay v2, the default when `protocol` is left out), WeChat Pay
 * v2 micropay, or Alipay face-to-face. Keys are files so they never sit in settings.json itself.
 */
const GatewaySettingsSchema = z.preprocess(
  (v) => (v && typeof v === 'object' && !('protocol' in v) ? { ...v, protocol: 'upay' } : v),
  z.discriminatedUnion('protocol', [
    z
      .object({
        protocol: z.literal('upay'),
        url: z.url(),
        terminalSn: z.string().min(1),
        terminalKey: z.string().min(1),
      })
      .strict(),
    z
      .object({
        protocol: z.literal('wechat'),
        url: z.url(),
        appId: z.string().min(1),
        mchId: z.string().min(1),
        apiKey: z.string().min(32),
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
        privateKeyPath: z.string().min(1),
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
    printer: z.string().optional(),
    gateway: GatewaySettingsSchema.optional(),
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
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;

export interface TillConfig extends Settings {
  dataDir: string;
  /** 'virtual' = the built-in virtual printer (the default when TILL_PRINTER is unset). */
  printerUri: string;
  gatewayMode: 'sandbox' | 'live';
  port: number;
  /** The store database to sync with; null: this till works alone. */
  syncUrl: string | null;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): TillConfig {
  const dataDir = resolve(env.TILL_DATA_DIR || join(homedir(), '.till'));
  const file = join(dataDir, 'settings.json');
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
  const settings = parsed.data;
  const gatewayEnv = env.TILL_GATEWAY || 'sandbox';
  if (gatewayEnv !== 'sandbox') {
    if (!settings.gateway)
      throw new ConfigError(`TILL_GATEWAY=${gatewayEnv} needs gateway credentials in ${file}`);
    settings.gateway.url = gatewayEnv;
  }
  const port = Number(env.TILL_PORT ?? 8420);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`TILL_PORT=${env.TILL_PORT} is not a port`);
  return {
    ...settings,
    dataDir,
    printerUri: env.TILL_PRINTER || settings.printer || 'virtual',
    gatewayMode: gatewayEnv === 'sandbox' ? 'sandbox' : 'live',
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
