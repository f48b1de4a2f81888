import { createSandboxGatewayClient } from '../../../electron/gateway/sandbox/client';
import { makeSandboxCode } from '../../../electron/gateway/sandbox/scenarios';
import { startSandboxGateway, type SandboxGateway } from '../../../electron/gateway/sandbox/server';
import type { Channel, PayRequest } from '../../../electron/gateway/types';
import { authorizationHeader } from '../../../electron/gateway/upay/sign';

/** 2026-11-25 10:00 Beijing time: a fixed start for the fake clock. */
export const T0 = Date.UTC(2026, 10, 25, 2, 0, 0);

/** A sandbox on a fake clock the test moves by hand, and a client pointed at it. */
export async function startFakeClockSandbox() {
  let t = T0;
  const sandbox = await startSandboxGateway({ now: () => t });
  return {
    sandbox,
    gateway: createSandboxGatewayClient(sandbox, { timeoutMs: 5_000 }),
    advance(ms: number) {
      t += ms;
    },
  };
}

let seq = 0;
/** A fresh payment request; every call gets a new client_sn and a new single-use code. */
export function payRequest(channel: Channel, suffix: string, amountFen = 1250): PayRequest {
  seq += 1;
  return {
    clientSn: `TEST${Date.now()}${seq}`,
    amountFen,
    authCode: makeSandboxCode(channel, suffix, seq),
    subject: '矿泉水 550ml',
    operator: 'cashier-01',
  };
}

/** Bypass the client to send exactly these bytes, correctly signed unless told otherwise. */
export async function rawPost(s: SandboxGateway, path: string, body: string, key = s.terminalKey) {
  const res = await fetch(`${s.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: authorizationHeader(s.terminalSn, body, key),
    },
    body,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
