import { createSandboxGatewayClient } from '../../gateway/sandbox/client';
import { SANDBOX_SCENARIOS } from '../../gateway/sandbox/scenarios';
import { startSandboxGateway } from '../../gateway/sandbox/server';
import { startVirtualPrinter } from '../../../printer/virtual/virtual-printer';
import type { DemoKit } from './types';

/** The embedded sandbox and virtual printer, both on loopback only. */
export const demoKit: DemoKit = {
  startSandbox: () => startSandboxGateway({ host: '127.0.0.1', port: 0 }),
  sandboxClient: (s, protocol) => createSandboxGatewayClient(s, protocol),
  scenarios: SANDBOX_SCENARIOS,
  startVirtualPrinter: () => startVirtualPrinter({ host: '127.0.0.1', port: 0 }),
};
