import { afterEach, describe, expect, it } from 'vitest';
import { makeSandboxCode, type SandboxFaults } from '../../../electron/gateway';
import type { PaymentState } from '../../../shared/domain';
import { engineRig, products } from '../../helpers/engineRig';

/**
 * The engine against each real adapter (upay JSON+MD5, WeChat XML+signatures, Alipay RSA2) and
 * the emulator over HTTP on loopback, for every scripted customer and network fault. Each case
 * also checks the emulator's ledger: what the till concluded is what the customer was charged.
 */
type Rig = Awaited<ReturnType<typeof engineRig>>;
let rig: Rig;
afterEach(async () => rig?.close());

const PROTOCOLS = ['upay', 'wechat', 'alipay'] as const;
const CASES: {
  name: string;
  suffix: string;
  faults?: SandboxFaults;
  end: PaymentState[];
  charged: boolean | 'unless upay';
}[] = [
  { name: 'instant success', suffix: '0001', end: ['PAID'], charged: true },
  { name: 'password for ~10 s', suffix: '1010', end: ['PAID'], charged: true },
  { name: 'insufficient funds', suffix: '4444', end: ['FAILED'], charged: false },
  { name: 'expired code', suffix: '8888', end: ['FAILED'], charged: false },
  { name: 'reused code', suffix: '2222', end: ['FAILED'], charged: false },
  { name: 'abandons the password', suffix: '9999', end: ['REVERSED', 'FAILED'], charged: false },
  {
    name: 'pays just as the till reverses',
    suffix: '7777',
    end: ['PAID', 'REVERSED'],
    charged: false,
  },
  { name: 'answer lost after the charge (掉单)', suffix: '3333', end: ['PAID'], charged: true },
  {
    // Refused before the acquirer acted: WeChat and Alipay send the same request again (same
    // merchant order no., same params) and the customer pays; upay never reuses a client_sn.
    name: '5xx on pay (nothing committed)',
    suffix: '0001',
    faults: { http5xx: 1 },
    end: ['REVERSED', 'PAID'],
    charged: 'unless upay',
  },
  {
    name: 'reply dropped after commit',
    suffix: '0001',
    faults: { dropAfterCommit: 1 },
    end: ['PAID'],
    charged: true,
  },
  {
    name: 'pay reply hangs past the timeout',
    suffix: '0001',
    faults: { hangMs: 3_000 },
    end: ['PAID'],
    charged: true,
  },
  {
    name: 'cancel asks to be called again',
    suffix: '9999',
    faults: { retryCancel: 2 },
    end: ['REVERSED', 'FAILED'],
    charged: false,
  },
];

describe.each(PROTOCOLS)('engine over the %s adapter', (protocol) => {
  it.each(CASES)('$name', async ({ suffix, faults, end, charged }) => {
    rig = await engineRig(undefined, protocol);
    rig.sandbox.setFaults({
      rateLimit: { minGapMs: rig.gateway.schedule.minQueryGapMs - 1 },
      ...faults,
    });
    rig.sales.scan(products[2]!.barcode);
    const sale = rig.sales.current();
    const channel = protocol === 'alipay' ? 'ALIPAY' : 'WECHAT';
    const p = rig.engine.startWallet(
      sale,
      makeSandboxCode(channel, suffix, Math.floor(Math.random() * 1e9)),
    );
    const done = await rig.until(p.paymentId, ['PAID', 'FAILED', 'REVERSED', 'NEEDS_MANUAL']);
    expect(end).toContain(done.state);
    const entry = rig.sandbox.ledger().find((e) => e.clientSn === p.merchantOrderNo);
    const chargedNow = entry?.state === 'charged';
    // Never one-sided: PAID exactly when the customer is (still) charged.
    expect(chargedNow).toBe(done.state === 'PAID');
    if (suffix !== '7777')
      expect(chargedNow).toBe(charged === 'unless upay' ? protocol !== 'upay' : charged);
    expect(rig.repos.sales.get(sale.orderId)?.status).toBe(done.state === 'PAID' ? 'PAID' : 'OPEN');
    expect(rig.sandbox.stats().rateLimitViolations).toBe(0);
  });

  it('a reply with a bad signature is never taken as success', async () => {
    rig = await engineRig(undefined, protocol);
    rig.sandbox.setFaults({ badSignature: 1 });
    rig.sales.scan(products[2]!.barcode);
    const p = rig.engine.startWallet(
      rig.sales.current(),
      makeSandboxCode(
        protocol === 'alipay' ? 'ALIPAY' : 'WECHAT',
        '0001',
        Math.floor(Math.random() * 1e9),
      ),
    );
    const done = await rig.until(p.paymentId, ['PAID', 'FAILED', 'REVERSED', 'NEEDS_MANUAL']);
    const first = rig.repos.payments.transitions(p.paymentId)[2];
    if (protocol !== 'upay') expect(first?.to_state).toBe('PENDING'); // the signed answer was doubted
    expect(done.state).toBe('PAID'); // then confirmed by a properly signed query
  });
});
