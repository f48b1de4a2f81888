import type { PaymentGateway } from '../types';
import { createUpayGateway } from '../upay/client';
import type { SandboxGateway } from './server';

/** The upay client pointed at the embedded sandbox; the UI shows SANDBOX for it. */
export function createSandboxGatewayClient(
  s: SandboxGateway,
  opts: { timeoutMs?: number; fetchImpl?: typeof fetch } = {},
): PaymentGateway {
  return createUpayGateway({
    baseUrl: s.url,
    terminalSn: s.terminalSn,
    terminalKey: s.terminalKey,
    name: 'sandbox',
    sandbox: true,
    ...opts,
  });
}
