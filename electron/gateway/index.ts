export type * from './types';
export { createUpayGateway, type UpayGatewayOptions } from './upay/client';
export { signBody } from './upay/sign';
export { startSandboxGateway, type SandboxGateway, type SandboxOptions } from './sandbox/server';
export { createSandboxGatewayClient } from './sandbox/client';
export type { LedgerEntry } from './sandbox/orders';
export {
  SANDBOX_SCENARIOS,
  makeSandboxCode,
  type SandboxScenario,
  type ScenarioBehaviour,
} from './sandbox/scenarios';
