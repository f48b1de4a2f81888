import {
  createSandboxGatewayClient,
  createUpayGateway,
  SANDBOX_SCENARIOS,
  startSandboxGateway,
  type GatewaySchedule,
  type PaymentGateway,
  type SandboxGateway,
} from '../gateway';
import type { AppInfo } from '../../shared/domain';
import type { TillConfig } from './config';

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
  };
}

/** The embedded default is the sandbox: a real HTTP server on loopback speaking upay v2. */
export async function setUpGateway(config: TillConfig, timeScale = 1): Promise<HostGateway> {
  if (config.gatewayMode === 'upay' && config.gateway) {
    const plain = createUpayGateway({ baseUrl: config.gateway.url, ...config.gateway });
    return {
      gateway: { ...plain, schedule: scaleSchedule(plain.schedule, timeScale) },
      sandbox: null,
      codes: [],
    };
  }
  const sandbox = await startSandboxGateway({ host: '127.0.0.1', port: 0 });
  return {
    gateway: createSandboxGatewayClient(sandbox),
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
