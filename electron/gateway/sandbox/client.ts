import { createAlipayGateway } from '../alipay/client';
import type { GatewaySchedule, PaymentGateway } from '../types';
import { createUpayGateway } from '../upay/client';
import { createWechatGateway } from '../wechat/client';
import type { SandboxGateway } from './server';

export type SandboxProtocolName = 'upay' | 'wechat' | 'alipay';

export interface SandboxClientOptions {
  timeoutMs?: number;
  /** upay only (the other adapters use node:http so they can take a client certificate). */
  fetchImpl?: typeof fetch;
  schedule?: GatewaySchedule;
}

/**
 * A real adapter pointed at the embedded sandbox, named 'sandbox' so the UI shows SANDBOX.
 * `createSandboxGatewayClient(s)` and `(s, { timeoutMs })` keep meaning upay.
 */
export function createSandboxGatewayClient(
  s: SandboxGateway,
  protocol: SandboxProtocolName | SandboxClientOptions = 'upay',
  opts: SandboxClientOptions = {},
): PaymentGateway {
  const [proto, o] = typeof protocol === 'string' ? [protocol, opts] : ['upay' as const, protocol];
  const common = {
    baseUrl: s.url,
    name: 'sandbox',
    sandbox: true,
    ...(o.timeoutMs !== undefined && { timeoutMs: o.timeoutMs }),
    ...(o.schedule !== undefined && { schedule: o.schedule }),
  };
  if (proto === 'wechat') return createWechatGateway({ ...common, ...s.wechat });
  if (proto === 'alipay') {
    const a = s.alipay;
    return createAlipayGateway({
      ...common,
      appId: a.appId,
      privateKeyPem: a.appPrivateKeyPem,
      alipayPublicKeyPem: a.alipayPublicKeyPem,
    });
  }
  return createUpayGateway({
    ...common,
    terminalSn: s.terminalSn,
    terminalKey: s.terminalKey,
    ...(o.fetchImpl !== undefined && { fetchImpl: o.fetchImpl }),
  });
}
