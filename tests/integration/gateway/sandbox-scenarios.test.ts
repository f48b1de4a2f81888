import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxGatewayClient } from '../../../electron/gateway/sandbox/client';
import { startSandboxGateway } from '../../../electron/gateway/sandbox/server';
import { payRequest, startFakeClockSandbox, T0 } from './sandbox-harness';

type Harness = Awaited<ReturnType<typeof startFakeClockSandbox>>;

describe('sandbox gateway scenarios over real HTTP', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startFakeClockSandbox();
  });
  afterEach(() => h.sandbox.close());

  it('is a sandbox-flagged upay client on 127.0.0.1', () => {
    expect(h.gateway).toMatchObject({ name: 'sandbox', sandbox: true });
    expect(h.sandbox.url).toBe(`http://127.0.0.1:${h.sandbox.port}`);
  });

  it('any other suffix: WeChat pays at once with a 16-digit sn and a 4200… trade no', async () => {
    const req = payRequest('WECHAT', '0001');
    const a = await h.gateway.pay(req);
    expect(a).toMatchObject({
      outcome: 'PAID',
      orderStatus: 'PAID',
      channel: 'WECHAT',
      amountFen: 1250,
    });
    expect(a.sn).toMatch(/^\d{16}$/);
    expect(a.tradeNo).toMatch(/^4200\d{24}$/);
    expect(a.paidAt).toBe(new Date(T0).toISOString());
    expect(h.sandbox.ledger()).toEqual([
      expect.objectContaining({
        clientSn: req.clientSn,
        sn: a.sn,
        channel: 'WECHAT',
        amountFen: 1250,
        authCode: req.authCode,
        state: 'charged',
      }),
    ]);
  });

  it('any other suffix: Alipay pays at once with a 2026… trade no', async () => {
    const a = await h.gateway.pay(payRequest('ALIPAY', '5678', 99));
    expect(a).toMatchObject({ outcome: 'PAID', channel: 'ALIPAY', amountFen: 99 });
    expect(a.tradeNo).toMatch(/^20261125\d{20}$/);
    expect(h.sandbox.ledger()[0]?.state).toBe('charged');
  });

  it('1010: CREATED for 10 s after pay, then PAID with a trade no', async () => {
    const req = payRequest('WECHAT', '1010');
    const first = await h.gateway.pay(req);
    expect(first).toMatchObject({ outcome: 'IN_PROGRESS', orderStatus: 'CREATED' });
    expect(first.sn).toMatch(/^\d{16}$/);
    expect(first.tradeNo).toBeUndefined();
    h.advance(9_999);
    expect(await h.gateway.query({ clientSn: req.clientSn })).toMatchObject({
      outcome: 'IN_PROGRESS',
    });
    expect(h.sandbox.ledger()[0]?.state).toBe('not charged');
    h.advance(1);
    const paid = await h.gateway.query({ clientSn: req.clientSn });
    expect(paid).toMatchObject({
      outcome: 'PAID',
      sn: first.sn,
      paidAt: new Date(T0 + 10_000).toISOString(),
    });
    expect(paid.tradeNo).toMatch(/^4200\d{24}$/);
    expect(h.sandbox.ledger()[0]?.state).toBe('charged');
  });

  it('4444: insufficient funds, nothing charged', async () => {
    const req = payRequest('ALIPAY', '4444');
    const a = await h.gateway.pay(req);
    expect(a).toMatchObject({
      outcome: 'FAILED',
      errorCode: 'INSUFFICIENT_FUND',
      errorMessage: '余额不足',
      orderStatus: 'PAY_CANCELED',
    });
    expect(a.tradeNo).toBeUndefined();
    expect(await h.gateway.query({ clientSn: req.clientSn })).toMatchObject({ outcome: 'FAILED' });
    expect(h.sandbox.ledger()[0]?.state).toBe('not charged');
  });

  it('8888: expired code, nothing charged', async () => {
    const a = await h.gateway.pay(payRequest('WECHAT', '8888'));
    expect(a).toMatchObject({
      outcome: 'FAILED',
      errorCode: 'EXPIRED_BARCODE',
      errorMessage: '付款码已过期',
    });
    expect(h.sandbox.ledger()[0]?.state).toBe('not charged');
  });

  it('9999: CREATED until 45 s, then PAY_CANCELED (FAILED), nothing charged', async () => {
    const req = payRequest('WECHAT', '9999');
    expect(await h.gateway.pay(req)).toMatchObject({ outcome: 'IN_PROGRESS' });
    h.advance(44_999);
    expect(await h.gateway.query({ clientSn: req.clientSn })).toMatchObject({
      outcome: 'IN_PROGRESS',
      orderStatus: 'CREATED',
    });
    h.advance(1);
    expect(await h.gateway.query({ clientSn: req.clientSn })).toMatchObject({
      outcome: 'FAILED',
      orderStatus: 'PAY_CANCELED',
    });
    expect(h.sandbox.ledger()[0]).toMatchObject({
      state: 'not charged',
      orderStatus: 'PAY_CANCELED',
    });
  });

  it.each(['123456', '161234567890123456', '2412345678901234', 'abcdefghijklmnopqr'])(
    'code %s is no WeChat/Alipay code → INVALID_BARCODE, no order',
    async (code) => {
      const req = { ...payRequest('WECHAT', '0001'), authCode: code };
      const a = await h.gateway.pay(req);
      expect(a).toMatchObject({ outcome: 'FAILED', errorCode: 'INVALID_BARCODE' });
      expect(a.sn).toBeUndefined();
      expect(h.sandbox.ledger()).toEqual([]);
    },
  );
});

describe('sandbox on the real clock', () => {
  it('1002: paid about 2 s after pay', async () => {
    const sandbox = await startSandboxGateway();
    try {
      const gateway = createSandboxGatewayClient(sandbox);
      const req = payRequest('ALIPAY', '1002');
      expect(await gateway.pay(req)).toMatchObject({ outcome: 'IN_PROGRESS' });
      expect(await gateway.query({ clientSn: req.clientSn })).toMatchObject({
        outcome: 'IN_PROGRESS',
      });
      await new Promise((r) => setTimeout(r, 2_100));
      expect(await gateway.query({ clientSn: req.clientSn })).toMatchObject({
        outcome: 'PAID',
        channel: 'ALIPAY',
      });
      expect(sandbox.ledger()[0]?.state).toBe('charged');
    } finally {
      await sandbox.close();
    }
  });
});
