import {
  createSandboxGatewayClient,
  createAlipayGateway,
  createUpayGateway,
  createWechatGateway,
  SANDBOX_SCENARIOS,
  startSandboxGateway,
  type GatewaySchedule,
  type PaymentGateway,
  type SandboxGateway,
} from '../gateway';
import type { AppInfo } from '../../shared/domain';
import type { GatewaySettings, TillConfig } from './config';
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

function liveGateway(g: GatewaySettings): PaymentGateway {
  if (g.protocol === 'upay')
    return createUpayGateway({
      baseUrl: g.url,
      terminalSn: g.terminalSn,
      terminalKey: g.terminalKey,
    });
  if (g.protocol === 'wechat') {
    return createWechatGateway({
      baseUrl: g.url,
      appId: g.appId,
      mchId: g.mchId,
      apiKey: g.apiKey,
      ...(g.signType ? { signType: g.signType } : {}),
      ...(g.certP12Path ? { cert: { pfx: readFileSync(g.certP12Path), passphrase: g.mchId } } : {}),
    });
  }
  return createAlipayGateway({
    baseUrl: g.url,
    appId: g.appId,
    privateKeyPem: readFileSync(g.privateKeyPath, 'utf8'),
    alipayPublicKeyPem: readFileSync(g.alipayPublicKeyPath, 'utf8'),
  });
}

/** The embedded default is the sandbox: a real HTTP server on loopback speaking all three protocols. */
export async function setUpGateway(config: TillConfig, timeScale = 1): Promise<HostGateway> {
  if (config.gatewayMode === 'live' && config.gateway) {
    const plain = liveGateway(config.gateway);
    return {
      gateway: { ...plain, schedule: scaleSchedule(plain.schedule, timeScale) },
      sandbox: null,
      codes: [],
    };
  }
  const sandbox = await startSandboxGateway({ host: '127.0.0.1', port: 0 });
  return {
    gateway: createSandboxGatewayClient(sandbox, config.sandboxProtocol),
    sandbox,
    codes: SANDBOX_SCENARIOS.map((s) => ({
      suffix: s.suffix ?? '*',
      labelZh: s.labelZh,
      label: s.labelEn,
      wechat: s.examples.WECHAT,
      alipay: s.examples.ALIPAY,
    })),
  };
}
