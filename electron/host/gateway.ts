import { createAlipayGateway } from '../gateway/alipay/client';
import { UPAY_SCHEDULE } from '../gateway/schedules';
import type { SandboxGateway } from '../gateway/sandbox/server';
import type { GatewayAnswer, GatewaySchedule, PaymentGateway } from '../gateway/types';
import { createUpayGateway } from '../gateway/upay/client';
import { createWechatGateway } from '../gateway/wechat/client';
import type { AppInfo } from '../../shared/domain';
import type { GatewaySettings, TillConfig } from './config';
import type { DemoKit } from './edition';
import { readFileSync } from 'node:fs';

export interface HostGateway {
  gateway: PaymentGateway;
  sandbox: SandboxGateway | null;
  codes: AppInfo['sandboxCodes'];
}

/**
 * Test rigs run the acquirer's timing faster (the crash test compresses a 45-second window);
 * the engine's schedule is divided by TILL_TIME_SCALE. Production leaves it unset (1).
 */
export function scaleSchedule(s: GatewaySchedule, scale: number): GatewaySchedule {
  const k = Number.isFinite(scale) && scale > 0 ? scale : 1;
  return {
    firstQueryMs: s.firstQueryMs / k,
    intervalMs: s.intervalMs / k,
    windowMs: s.windowMs / k,
    reverseAttempts: s.reverseAttempts,
    reverseIntervalMs: s.reverseIntervalMs / k,
    minQueryGapMs: s.minQueryGapMs / k,
    reverseNotBeforeMs: s.reverseNotBeforeMs / k,
    ...(s.queryAtMs && { queryAtMs: s.queryAtMs.map((t) => t / k) }),
    ...(s.payRetries !== undefined && { payRetries: s.payRetries }),
    ...(s.payRetryDelayMs !== undefined && { payRetryDelayMs: s.payRetryDelayMs / k }),
    ...(s.queryWhilePayMs !== undefined && { queryWhilePayMs: s.queryWhilePayMs / k }),
  };
}

/** config.ts fills the secret in from the key store before a gateway is ever made live. */
function need(v: string | undefined, name: string): string {
  if (!v) throw new Error(`gateway ${name} missing from the key store`);
  return v;
}

function liveGateway(g: GatewaySettings): PaymentGateway {
  if (g.protocol === 'upay')
    return createUpayGateway({
      baseUrl: g.url,
      terminalSn: g.terminalSn,
      terminalKey: need(g.terminalKey, 'terminalKey'),
    });
  if (g.protocol === 'wechat') {
    return createWechatGateway({
      baseUrl: g.url,
      appId: g.appId,
      mchId: g.mchId,
      apiKey: need(g.apiKey, 'apiKey'),
      ...(g.signType ? { signType: g.signType } : {}),
      ...(g.certP12Path ? { cert: { pfx: readFileSync(g.certP12Path), passphrase: g.mchId } } : {}),
    });
  }
  return createAlipayGateway({
    baseUrl: g.url,
    appId: g.appId,
    privateKeyPem: g.privateKeyPath
      ? readFileSync(g.privateKeyPath, 'utf8')
      : need(g.privateKey, 'privateKey'),
    alipayPublicKeyPem: readFileSync(g.alipayPublicKeyPath, 'utf8'),
  });
}

/**
 * Setup mode: no acquirer yet. The handlers refuse payments before they reach the engine; should
 * anything still ask, the answer is "unknown", which never ends a payment either way.
 */
const notConfigured = async (): Promise<GatewayAnswer> => ({
  outcome: 'UNKNOWN',
  errorCode: 'NOT_CONFIGURED',
  errorMessage: '尚未配置支付网关',
});
export const SETUP_GATEWAY: PaymentGateway = {
  name: 'setup',
  sandbox: false,
  schedule: UPAY_SCHEDULE,
  queryKeys: ['clientSn'],
  pay: notConfigured,
  query: notConfigured,
  cancel: notConfigured,
  refund: notConfigured,
};

/** Live by configuration; the embedded sandbox only when config.ts decided so (gatewayMode.ts). */
export async function setUpGateway(
  config: TillConfig,
  demo: DemoKit | null,
  timeScale = 1,
): Promise<HostGateway> {
  if (config.gatewayMode === 'live' && config.gateway) {
    const plain = liveGateway(config.gateway);
    return {
      gateway: { ...plain, schedule: scaleSchedule(plain.schedule, timeScale) },
      sandbox: null,
      codes: [],
    };
  }
  if (config.gatewayMode !== 'sandbox' || !demo)
    return { gateway: SETUP_GATEWAY, sandbox: null, codes: [] };
  const sandbox = await demo.startSandbox();
  return {
    gateway: demo.sandboxClient(sandbox, config.sandboxProtocol),
    sandbox,
    codes: demo.scenarios.map((s) => ({
      suffix: s.suffix ?? '*',
      labelZh: s.labelZh,
      label: s.labelEn,
      wechat: s.examples.WECHAT,
      alipay: s.examples.ALIPAY,
    })),
  };
}
