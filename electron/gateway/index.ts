export type * from './types';
export { refOf, refValue } from './types';
export { ALIPAY_SCHEDULE, UPAY_SCHEDULE, WECHAT_SCHEDULE } from './schedules';
export { createUpayGateway, type UpayGatewayOptions } from './upay/client';
export { signBody } from './upay/sign';
export { createWechatGateway, type WechatGatewayOptions } from './wechat/client';
export { createAlipayGateway, type AlipayGatewayOptions } from './alipay/client';
export { startSandboxGateway, type SandboxGateway, type SandboxOptions } from './sandbox/server';
export {
  createSandboxGatewayClient,
  type SandboxClientOptions,
  type SandboxProtocolName,
} from './sandbox/client';
export type { LedgerEntry } from './sandbox/ledger';
export type { Voucher } from './sandbox/orders';
export type { SandboxFaults, SandboxStats, CallKind } from './sandbox/faults';
export {
  SANDBOX_SCENARIOS,
  makeSandboxCode,
  type SandboxScenario,
  type ScenarioBehaviour,
} from './sandbox/scenarios';
