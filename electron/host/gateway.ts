import {
  createSandboxGatewayClient,
  createUpayGateway,
  SANDBOX_SCENARIOS,
  startSandboxGateway,
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

/** The embedded default is the sandbox: a real HTTP server on loopback speaking upay v2. */
export async function setUpGateway(config: TillConfig): Promise<HostGateway> {
  if (config.gatewayMode === 'upay' && config.gateway) {
    return {
      gateway: createUpayGateway({ baseUrl: config.gateway.url, ...config.gateway }),
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
