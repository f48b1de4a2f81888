import {
  createSandboxGatewayClient,
  type SandboxProtocolName,
} from '../../../electron/gateway/sandbox/client';
import { makeSandboxCode } from '../../../electron/gateway/sandbox/scenarios';
import { startSandboxGateway, type SandboxOptions } from '../../../electron/gateway/sandbox/server';
import type { Channel, PayRequest } from '../../../electron/gateway/types';
import { T0 } from './sandbox-harness';

/** Each adapter against the one emulator, with the wallet whose codes it accepts. */
export const PROTOCOLS: [SandboxProtocolName, Channel][] = [
  ['upay', 'WECHAT'],
  ['wechat', 'WECHAT'],
  ['alipay', 'ALIPAY'],
];

/** An emulator on a fake clock plus one real adapter talking to it over loopback HTTP. */
export async function startEmulator(
  protocol: SandboxProtocolName,
  opts: SandboxOptions = {},
  timeoutMs = 5_000,
) {
  let t = T0;
  const sandbox = await startSandboxGateway({ now: () => t, ...opts });
  return {
    sandbox,
    gateway: createSandboxGatewayClient(sandbox, protocol, { timeoutMs }),
    advance(ms: number) {
      t += ms;
    },
  };
}

let seq = 1000;
export function req(channel: Channel, suffix: string, amountFen = 1250): PayRequest {
  seq += 1;
  return {
    clientSn: `E${Date.now()}${seq}`,
    amountFen,
    authCode: makeSandboxCode(channel, suffix, seq),
    subject: '矿泉水 550ml',
    operator: 'cashier-01',
  };
}
