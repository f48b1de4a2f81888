import { afterEach, describe, expect, it } from 'vitest';
import { makeSandboxCode } from '../../../electron/gateway';
import { engineRig, products } from '../../helpers/engineRig';

/**
 * Defects found by checking the till against an independent acquirer emulator (issue 7 item 5),
 * each against the sandbox over real HTTP and its ledger of what the customer was charged.
 */
type Rig = Awaited<ReturnType<typeof engineRig>>;
let rig: Rig;
afterEach(async () => rig?.close());

const code = (channel: 'WECHAT' | 'ALIPAY', suffix: string) =>
  makeSandboxCode(channel, suffix, Math.floor(Math.random() * 1e9));
const END = ['PAID', 'FAILED', 'REVERSED', 'NEEDS_MANUAL'] as const;

async function start(r: Rig, channel: 'WECHAT' | 'ALIPAY', suffix: string) {
  r.sales.scan(products[2]!.barcode);
  return r.engine.startWallet(r.sales.current(), code(channel, suffix));
}

describe('payment defects, fixed', () => {
  it('upay cancel race (CANCEL_ABORT_ERROR): asks first and keeps the sale PAID, one cancel only', async () => {
    rig = await engineRig(undefined, 'upay');
    const p = await start(rig, 'WECHAT', '7777');
    const done = await rig.until(p.paymentId, [...END]);
    expect(done.state).toBe('PAID');
    expect(rig.sandbox.ledger()[0]).toMatchObject({ state: 'charged', refundedFen: 0 });
    // The old path cancelled again without a query, which gave the money back.
    expect(rig.sandbox.stats().calls.cancel).toBe(1);
    const states = rig.repos.payments.transitions(p.paymentId).map((t) => t.to_state);
    expect(states.slice(-2)).toEqual(['REVERSING', 'PAID']);
  });

  it('Alipay reverses a completed charge: the cashier is told the money went back', async () => {
    rig = await engineRig(undefined, 'alipay');
    const p = await start(rig, 'ALIPAY', '7777');
    const done = await rig.until(p.paymentId, [...END]);
    expect(done).toMatchObject({ state: 'REVERSED', reasonCode: 'REVERSED_REFUNDED' });
    expect(done.reasonText).toContain('款项已原路退回顾客');
    expect(done.reasonText).not.toContain('顾客未完成支付');
    expect(rig.sandbox.ledger()[0]).toMatchObject({ state: 'refunded' });
  });

  it('an abandoned payment reversed before any charge still says nothing was charged', async () => {
    rig = await engineRig(undefined, 'wechat');
    const p = await start(rig, 'WECHAT', '9999');
    const done = await rig.until(p.paymentId, [...END]);
    expect(done.state).toBe('REVERSED');
    expect(done.reasonCode).toBe('REVERSED');
    expect(done.reasonText).toContain('顾客未被扣款');
  });

  it.each([
    ['wechat', 'WECHAT', 2],
    ['alipay', 'ALIPAY', 2],
    ['upay', 'WECHAT', 1],
  ] as const)(
    'HTTP 5xx to the pay call (%s): the same request again where the protocol allows',
    async (protocol, channel, payCalls) => {
      rig = await engineRig(undefined, protocol);
      rig.sandbox.setFaults({ http5xx: 1 });
      const p = await start(rig, channel, '0001');
      const done = await rig.until(p.paymentId, [...END]);
      expect(rig.sandbox.stats().calls.pay).toBe(payCalls - 1); // the 5xx never reached the order logic
      expect(rig.sandbox.stats().faultsApplied.http5xx).toBe(1);
      if (protocol === 'upay') {
        // A client_sn is never sent twice: the engine falls back to queries and a cancel.
        expect(done.state).toBe('REVERSED');
        expect(rig.sandbox.ledger()).toEqual([]);
      } else {
        expect(done.state).toBe('PAID');
        // One order at the acquirer, under the same merchant order no.
        expect(rig.sandbox.ledger()).toMatchObject([
          { clientSn: p.merchantOrderNo, state: 'charged' },
        ]);
      }
    },
  );

  it('a pay call still out after 4 s is asked about: a lost reply is PAID before the call times out', async () => {
    rig = await engineRig(undefined, 'wechat');
    rig.sandbox.setFaults({ hangMs: 60_000 }); // processed and charged; the reply never comes in time
    const p = await start(rig, 'WECHAT', '0001');
    const done = await rig.until(p.paymentId, ['PAID']);
    const states = rig.repos.payments.transitions(p.paymentId).map((t) => t.to_state);
    // SUBMITTING → PAID straight from the query: the pay call was still out.
    expect(states).toEqual(['NEW', 'SUBMITTING', 'PAID']);
    expect(done.thirdPartyOrderNo).toMatch(/^4200/);
    expect(rig.sandbox.stats().calls.query).toBe(1);
  });

  it('a paid payment never moves back: the store refuses what the state machine has not', async () => {
    rig = await engineRig(undefined, 'upay');
    const p = await start(rig, 'WECHAT', '0001');
    await rig.until(p.paymentId, ['PAID']);
    expect(() =>
      rig.repos.payments.transition(p.paymentId, 'FAILED', new Date().toISOString()),
    ).toThrow(/PAID → FAILED is not a move/);
    // Even past the repository, the trigger holds.
    expect(() =>
      rig.repos.db.prepare("UPDATE payments SET state = 'PENDING' WHERE id = ?").run(p.paymentId),
    ).toThrow(/not allowed/);
  });
});
