import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandboxGateway } from '../../../electron/gateway/sandbox/server';
import { PROTOCOLS, req, startEmulator } from './emulator-harness';

type Emu = Awaited<ReturnType<typeof startEmulator>>;

const RATE_LIMITED = {
  upay: 'HTTP_429',
  wechat: 'FREQUENCY_LIMITED',
  alipay: 'ACQ.SYSTEM_ERROR',
} as const;

describe.each(PROTOCOLS)('scriptable network faults: %s adapter', (protocol, channel) => {
  let h: Emu;
  beforeEach(async () => {
    h = await startEmulator(protocol, {}, 400);
  });
  afterEach(() => h.sandbox.close());

  it('http5xx: refused before the acquirer saw it → UNKNOWN HTTP_500, nothing committed', async () => {
    h.sandbox.setFaults({ http5xx: 1 });
    const r = req(channel, '0001');
    expect(await h.gateway.pay(r)).toMatchObject({ outcome: 'UNKNOWN', errorCode: 'HTTP_500' });
    expect(h.sandbox.ledger()).toEqual([]);
    expect(await h.gateway.query({ clientSn: r.clientSn })).toMatchObject({ outcome: 'NOT_FOUND' });
    expect(h.sandbox.stats().faultsApplied.http5xx).toBe(1);
  });

  it('hangMs 20 s: the client times out (UNKNOWN), the charge stands, a query finds it', async () => {
    h.sandbox.setFaults({ hangMs: 20_000 });
    const r = req(channel, '0001');
    const started = Date.now();
    expect(await h.gateway.pay(r)).toMatchObject({
      outcome: 'UNKNOWN',
      errorCode: 'NETWORK_TIMEOUT',
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(h.sandbox.ledger()[0]?.state).toBe('charged');
    // One hang only: the next call answers at once.
    expect(await h.gateway.query({ clientSn: r.clientSn })).toMatchObject({ outcome: 'PAID' });
  });

  it('dropAfterCommit: charged, socket destroyed → UNKNOWN NETWORK_ERROR, then PAID by query', async () => {
    h.sandbox.setFaults({ dropAfterCommit: 1 });
    const r = req(channel, '0001');
    expect(await h.gateway.pay(r)).toMatchObject({
      outcome: 'UNKNOWN',
      errorCode: 'NETWORK_ERROR',
    });
    expect(h.sandbox.ledger()[0]?.state).toBe('charged');
    expect(await h.gateway.query({ clientSn: r.clientSn })).toMatchObject({ outcome: 'PAID' });
  });

  it('badSignature: a signed protocol never believes a wrongly signed success', async () => {
    h.sandbox.setFaults({ badSignature: 1 });
    const r = req(channel, '0001');
    const a = await h.gateway.pay(r);
    if (protocol === 'upay') {
      // upay replies are not signed: the fault does not apply and stays armed.
      expect(a.outcome).toBe('PAID');
      expect(h.sandbox.faults().badSignature).toBe(1);
    } else {
      expect(a).toMatchObject({ outcome: 'UNKNOWN', errorCode: 'BAD_SIGNATURE' });
      expect(h.sandbox.ledger()[0]?.state).toBe('charged');
      expect(await h.gateway.query({ clientSn: r.clientSn })).toMatchObject({ outcome: 'PAID' });
    }
  });

  it('rateLimit: a query for the same order too soon is refused (UNKNOWN) and counted', async () => {
    h.sandbox.setFaults({ rateLimit: { minGapMs: 3_000 } });
    const r = req(channel, '1010');
    await h.gateway.pay(r);
    expect(await h.gateway.query({ clientSn: r.clientSn })).toMatchObject({
      outcome: 'IN_PROGRESS',
    });
    h.advance(2_999);
    expect(await h.gateway.query({ clientSn: r.clientSn })).toMatchObject({
      outcome: 'UNKNOWN',
      errorCode: RATE_LIMITED[protocol],
    });
    h.advance(3_000);
    expect(await h.gateway.query({ clientSn: r.clientSn })).toMatchObject({
      outcome: 'IN_PROGRESS',
    });
    // Another order has its own budget.
    const other = req(channel, '0001');
    await h.gateway.pay(other);
    expect(await h.gateway.query({ clientSn: other.clientSn })).toMatchObject({ outcome: 'PAID' });
    expect(h.sandbox.stats().rateLimitViolations).toBe(1);
    // The schedule the adapter publishes keeps inside the acquirer's limit.
    expect(h.gateway.schedule.intervalMs).toBeGreaterThanOrEqual(h.gateway.schedule.minQueryGapMs);
  });

  it('retryCancel: "call again" answers, then the cancel goes through', async () => {
    const r = req(channel, '1010');
    await h.gateway.pay(r);
    h.sandbox.setFaults({ retryCancel: 2 });
    for (let i = 0; i < 2; i++) {
      const a = await h.gateway.cancel({ clientSn: r.clientSn });
      expect(a.outcome).toBe('UNKNOWN');
      if (protocol !== 'upay') expect(a.retry).toBe(true);
    }
    expect(await h.gateway.cancel({ clientSn: r.clientSn })).toMatchObject({ outcome: 'CANCELED' });
    expect(h.sandbox.ledger()[0]?.state).toBe('not charged');
  });

  it('a refund whose reply is lost is retried with the same refund no. and moves money once', async () => {
    const r = req(channel, '0001');
    await h.gateway.pay(r);
    const refund = {
      ref: { clientSn: r.clientSn },
      refundNo: `${r.clientSn}R`,
      amountFen: 1250,
      totalFen: 1250,
    };
    h.sandbox.setFaults({ dropAfterCommit: 1 });
    expect(await h.gateway.refund(refund)).toMatchObject({ outcome: 'UNKNOWN' });
    expect(await h.gateway.refund(refund)).toMatchObject({ outcome: 'REFUNDED' });
    expect(h.sandbox.ledger()[0]).toMatchObject({ state: 'refunded', refundedFen: 1250 });
  });
});

describe('control API (POST /__sandbox/faults)', () => {
  it('is off by default: 404 and no effect', async () => {
    const s = await startSandboxGateway();
    try {
      const res = await fetch(`${s.url}/__sandbox/faults`, {
        method: 'POST',
        body: '{"http5xx":1}',
      });
      expect(res.status).toBe(404);
      expect(s.faults().http5xx).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('with { control: true } sets faults over HTTP and serves stats and the ledger', async () => {
    const h = await startEmulator('wechat', { control: true });
    try {
      const post = (body: string) =>
        fetch(`${h.sandbox.url}/__sandbox/faults`, { method: 'POST', body });
      const ok = await post('{"dropAfterCommit":1,"rateLimit":{"minGapMs":5000}}');
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ dropAfterCommit: 1, rateLimit: { minGapMs: 5000 } });
      expect((await post('not json')).status).toBe(400);
      expect((await post('{"explode":true}')).status).toBe(400);
      expect((await post('{"http5xx":-1}')).status).toBe(400);
      const r = req('WECHAT', '0001');
      expect(await h.gateway.pay(r)).toMatchObject({ outcome: 'UNKNOWN' });
      const stats = (await (await fetch(`${h.sandbox.url}/__sandbox/stats`)).json()) as {
        calls: { pay: number };
        faultsApplied: { dropAfterCommit: number };
      };
      expect(stats.calls.pay).toBe(1);
      expect(stats.faultsApplied.dropAfterCommit).toBe(1);
      const ledger = (await (await fetch(`${h.sandbox.url}/__sandbox/ledger`)).json()) as unknown[];
      expect(ledger).toEqual([
        expect.objectContaining({ clientSn: r.clientSn, state: 'charged', protocol: 'wechat' }),
      ]);
      // Clearing is explicit: 0 / null.
      await post('{"rateLimit":null}');
      expect(h.sandbox.faults().rateLimit).toBeNull();
    } finally {
      await h.sandbox.close();
    }
  });
});
