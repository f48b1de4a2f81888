import { z } from 'zod';
import { none } from './common';

const url = z.url().max(200);
const id = z.string().trim().min(1).max(64);
/** Typed once into the setup screen, kept in the key store, never sent back. */
const secret = z.string().min(1).max(8192).optional();

/** What a supervisor enters for the acquirer; an omitted secret keeps the one already stored. */
export const GatewaySetupSchema = z.discriminatedUnion('protocol', [
  z.object({ protocol: z.literal('upay'), url, terminalSn: id, terminalKey: secret }).strict(),
  z
    .object({
      protocol: z.literal('wechat'),
      url,
      appId: id,
      mchId: id,
      signType: z.enum(['MD5', 'HMAC-SHA256']).optional(),
      apiKey: z.string().length(32).optional(),
    })
    .strict(),
  z
    .object({
      protocol: z.literal('alipay'),
      url,
      appId: id,
      alipayPublicKeyPath: z.string().trim().min(1).max(400),
      privateKey: secret,
    })
    .strict(),
]);
export type GatewaySetup = z.infer<typeof GatewaySetupSchema>;

export const GatewayInfoSchema = z.object({
  /** live: the configured acquirer; sandbox: the embedded test gateway; setup: no payments. */
  mode: z.enum(['live', 'sandbox', 'setup']),
  reason: z.string(),
  protocol: z.enum(['upay', 'wechat', 'alipay']).nullable(),
  url: z.string().nullable(),
  /** The non-secret ids as saved (terminalSn, appId, mchId…). */
  ids: z.record(z.string(), z.string()),
  /** Which secret this protocol needs, and whether the key store holds it (never its value). */
  secretName: z.string().nullable(),
  secretSet: z.boolean(),
  keyStore: z.enum(['safeStorage', 'file']),
  keyFile: z.string(),
  /** Saved settings differ from the running ones: they apply at the next start. */
  restartRequired: z.boolean(),
});
export type GatewayInfo = z.infer<typeof GatewayInfoSchema>;

/** The supervisor's setup screen: the acquirer's details and key. */
export const setupContract = {
  'gateway.info': { input: none, output: GatewayInfoSchema },
  'gateway.configure': { input: GatewaySetupSchema, output: GatewayInfoSchema },
} as const;
