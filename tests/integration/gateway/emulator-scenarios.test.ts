import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOLS, req, startEmulator } from './emulator-harness';

type Emu = Awaited<ReturnType<typeof startEmulator>>;

const FAIL_CODES = {
  upay: {
    fund: 'INSUFFICIENT_FUND',
    expired: 'EXPIRED_BARCODE',
    used: 'INVALID_BARCODE',
    dup: 'CLIENT_SN_CONFLICT',
  },
  wechat: {
    fund: 'NOTENOUGH',
    expired: 'AUTHCODEEXPIRE',
    used: 'AUTH_CODE_INVALID',
    dup: 'ORDERPAID',
  },
  alipay: {
    fund: 'ACQ.BUYER_BALANCE_NOT_ENOUGH',
    expired: 'ACQ.PAYMENT_AUTH_CODE_INVALID',
    used: 'ACQ.PAYMENT_AUTH_CODE_INVALID',
    dup: 'ACQ.TRADE_HAS_SUCCESS',
  },
} as const;

describe.each(PROTOCOLS)('emulator scenarios over real HTTP: %s adapter', (protocol, channel) => {
  let h: Emu;
  beforeEach(async () => {
    h = await startEmulator(protocol);
  });
  afterEach(() => h.sandbox.close());
  const codes = FAIL_CODES[protocol];

  it('any other suffix: PAID at once; the ledger records who was charged, through which protocol', async () => {
    const r = req(channel, '0001');
    const a = await h.gateway.pay(r);
    expect(a).toMatchObject({ outcome: 'PAID', channel, amountFen: 1250 });
    expect(a.tradeNo).toBeTruthy();
    expect(h.gateway.schedule.windowMs).toBeGreaterThan(0);
    expect(h.sandbox.ledger()).toEqual([
      expect.objectContaining({
        clientSn: r.clientSn,
        protocol,
        channel,
        amountFen: 1250,
        authCode: r.authCode,
        state: 'charged',
        refundedFen: 0,
      }),
    ]);
    // Query by merchant order no. and by the platform/channel order no. agree, amount included.
    expect(await h.gateway.query({ clientSn: r.clientSn })).toMatchObject({
      outcome: 'PAID',
      amountFen: 1250,
      tradeNo: a.tradeNo,
    });
    expect(await h.gateway.query({ sn: a.sn ?? '' })).toMatchObject({
      outcome: 'PAID',
      amountFen: 1250,
    });
  });

  it('1010: in progress (password) for 10 s, then PAID', async () => {
    const r = req(channel, '1010');
    expect(await h.gateway.pay(r)).toMatchObject({ outcome: 'IN_PROGRESS' });
    h.advance(9_999);
    expect(await h.gateway.query({ clientSn: r.clientSn })).toMatchObject({
      outcome: 'IN_PROGRESS',
      amountFen: 1250,
    });
    h.advance(1);
    expect(await h.gateway.query({ clientSn: r.clientSn })).toMatchObject({
      outcome: 'PAID',
      amountFen: 1250,
    });
    expect(h.sandbox.ledger()[0]?.state).toBe('charged');
  });

  it.each([
    ['4444', 'fund'],
    ['8888', 'expired'],
    ['2222', 'used'],
  ] as const)('%s: FAILED with the acquirer code, nobody charged', async (suffix, which) => {
    const a = await h.gateway.pay(req(channel, suffix));
    expect(a).toMatchObject({ outcome: 'FAILED', errorCode: codes[which] });
    expect(h.sandbox.ledger().every((e) => e.state === 'not charged')).toBe(true);
  });

  it('a code that already paid is refused the second time', async () => {
    const first = req(channel, '0001');
    await h.gateway.pay(first);
    const again = { ...req(channel, '0001'), authCode: first.authCode };
    expect(await h.gateway.pay(again)).toMatchObject({ outcome: 'FAILED', errorCode: codes.used });
    expect(h.sandbox.ledger().filter((e) => e.state === 'charged')).toHaveLength(1);
  });

  it('9999: abandoned; unpaid after 45 s, the order ends unpaid and nobody is charged', async () => {
    const r = req(channel, '9999');
    expect(await h.gateway.pay(r)).toMatchObject({ outcome: 'IN_PROGRESS' });
    h.advance(44_999);
    expect(await h.gateway.query({ clientSn: r.clientSn })).toMatchObject({
      outcome: 'IN_PROGRESS',
    });
    h.advance(1);
    const a = await h.gateway.query({ clientSn: r.clientSn });
    expect(['FAILED', 'CANCELED']).toContain(a.outcome);
    expect(h.sandbox.ledger()[0]?.state).toBe('not charged');
  });

  it('3333: charged, but the pay reply is lost → UNKNOWN; a query finds it PAID', async () => {
    const r = req(channel, '3333');
    expect(await h.gateway.pay(r)).toMatchObject({
      outcome: 'UNKNOWN',
      errorCode: 'NETWORK_ERROR',
    });
    expect(h.sandbox.ledger()[0]).toMatchObject({ clientSn: r.clientSn, state: 'charged' });
    expect(await h.gateway.query({ clientSn: r.clientSn })).toMatchObject({
      outcome: 'PAID',
      amountFen: 1250,
    });
  });

  it('7777: the customer pays just as the till reverses; the ledger and the answers agree', async () => {
    const r = req(channel, '7777');
    expect(await h.gateway.pay(r)).toMatchObject({ outcome: 'IN_PROGRESS' });
    h.advance(60_000 - (protocol === 'wechat' ? 45_000 : 0));
    const c = await h.gateway.cancel({ clientSn: r.clientSn });
    if (protocol === 'alipay') {
      // The payment landed right before the cancel, which therefore refunded it (action=refund):
      // the customer had paid, so the answer is REFUNDED, not a plain close.
      expect(c).toMatchObject({ outcome: 'REFUNDED', errorMessage: 'action=refund' });
      expect(await h.gateway.query({ clientSn: r.clientSn })).toMatchObject({
        outcome: 'CANCELED',
      });
      expect(h.sandbox.ledger()[0]).toMatchObject({ state: 'refunded', refundedFen: 1250 });
      return;
    }
    // WeChat "正在支付中不能发起撤销"; upay CANCEL_ABORT_ERROR ("撤单操作试图终止进行中的支付流程，
    // 但是失败"): not reversed, the payment completed meanwhile and stands.
    expect(c).toMatchObject(
      protocol === 'wechat'
        ? { outcome: 'IN_PROGRESS', errorCode: 'USERPAYING', retry: true }
        : { outcome: 'UNKNOWN', errorCode: 'CANCEL_ABORT_ERROR', orderStatus: 'PAID' },
    );
    expect(h.sandbox.ledger()[0]?.state).toBe('charged');
    expect(await h.gateway.query({ clientSn: r.clientSn })).toMatchObject({ outcome: 'PAID' });
    // A cancel sent anyway (what the till used to do) gives the money back.
    expect((await h.gateway.cancel({ clientSn: r.clientSn })).outcome).toMatch(/CANCELED|REFUNDED/);
    expect(await h.gateway.query({ clientSn: r.clientSn })).toMatchObject({ outcome: 'CANCELED' });
    expect(h.sandbox.ledger()[0]).toMatchObject({ state: 'refunded', refundedFen: 1250 });
  });

  it('duplicate merchant order no. after a payment: UNKNOWN (confirm by query), never a second charge', async () => {
    const first = req(channel, '0001');
    await h.gateway.pay(first);
    const dup = { ...req(channel, '0001'), clientSn: first.clientSn };
    expect(await h.gateway.pay(dup)).toMatchObject({ outcome: 'UNKNOWN', errorCode: codes.dup });
    expect(await h.gateway.query({ clientSn: first.clientSn })).toMatchObject({ outcome: 'PAID' });
    expect(h.sandbox.ledger()).toHaveLength(1);
  });

  it('cancel of a CREATED order closes it; of a PAID order refunds it; unknown is NOT_FOUND', async () => {
    const pending = req(channel, '1010');
    await h.gateway.pay(pending);
    expect(await h.gateway.cancel({ clientSn: pending.clientSn })).toMatchObject({
      outcome: 'CANCELED',
    });
    h.advance(20_000);
    expect(await h.gateway.query({ clientSn: pending.clientSn })).toMatchObject({
      outcome: 'CANCELED',
    });
    const paid = req(channel, '0001');
    await h.gateway.pay(paid);
    // Alipay says the cancel refunded a paid trade (action=refund); the others only close it.
    expect(await h.gateway.cancel({ clientSn: paid.clientSn })).toMatchObject({
      outcome: protocol === 'alipay' ? 'REFUNDED' : 'CANCELED',
    });
    expect(await h.gateway.cancel({ clientSn: 'NOPE' })).toMatchObject({ outcome: 'NOT_FOUND' });
    expect(await h.gateway.query({ clientSn: 'NOPE' })).toMatchObject({ outcome: 'NOT_FOUND' });
    const states = Object.fromEntries(h.sandbox.ledger().map((e) => [e.clientSn, e.state]));
    expect(states).toEqual({ [pending.clientSn]: 'not charged', [paid.clientSn]: 'refunded' });
  });

  it('refund is idempotent by refund no.; partial then rest; over-refund is FAILED', async () => {
    const r = req(channel, '0001');
    await h.gateway.pay(r);
    const part = {
      ref: { clientSn: r.clientSn },
      refundNo: `${r.clientSn}R1`,
      amountFen: 250,
      totalFen: 1250,
      reason: '退货',
    };
    expect(await h.gateway.refund(part)).toMatchObject({ outcome: 'REFUNDED' });
    expect(await h.gateway.refund(part)).toMatchObject({ outcome: 'REFUNDED' });
    expect(h.sandbox.ledger()[0]).toMatchObject({ state: 'charged', refundedFen: 250 });
    const tooMuch = { ...part, refundNo: `${r.clientSn}R2`, amountFen: 1001 };
    expect(await h.gateway.refund(tooMuch)).toMatchObject({ outcome: 'FAILED' });
    expect(await h.gateway.refund({ ...tooMuch, amountFen: 1000 })).toMatchObject({
      outcome: 'REFUNDED',
    });
    expect(h.sandbox.ledger()[0]).toMatchObject({ state: 'refunded', refundedFen: 1250 });
    // Fully refunded: REFUNDED (upay REFUNDED, WeChat REFUND) or closed (Alipay TRADE_CLOSED).
    const q = await h.gateway.query({ clientSn: r.clientSn });
    expect(protocol === 'alipay' ? 'CANCELED' : 'REFUNDED').toBe(q.outcome);
    expect(await h.gateway.refund({ ...part, ref: { clientSn: 'NOPE' } })).toMatchObject({
      outcome: 'NOT_FOUND',
    });
  });

  it('stats() counts calls per kind and protocol', async () => {
    const r = req(channel, '0001');
    await h.gateway.pay(r);
    await h.gateway.query({ clientSn: r.clientSn });
    await h.gateway.query({ clientSn: r.clientSn });
    await h.gateway.cancel({ clientSn: r.clientSn });
    const s = h.sandbox.stats();
    expect(s.calls).toEqual({ pay: 1, query: 2, cancel: 1, refund: 0 });
    expect(s.byProtocol[protocol]).toEqual(s.calls);
    expect(s.rateLimitViolations).toBe(0);
  });
});

describe('WeChat-only behaviour', () => {
  let h: Emu;
  beforeEach(async () => {
    h = await startEmulator('wechat');
  });
  afterEach(() => h.sandbox.close());

  it('auto-revokes an unpaid micropay 45 s after creation (REVOKED), nobody charged', async () => {
    const r = req('WECHAT', '7777');
    await h.gateway.pay(r);
    h.advance(44_999);
    expect(await h.gateway.query({ clientSn: r.clientSn })).toMatchObject({
      outcome: 'IN_PROGRESS',
      orderStatus: 'USERPAYING',
    });
    h.advance(1);
    expect(await h.gateway.query({ clientSn: r.clientSn })).toMatchObject({
      outcome: 'CANCELED',
      orderStatus: 'REVOKED',
    });
    // Too late to race: the reverse just confirms the closed order.
    expect(await h.gateway.cancel({ clientSn: r.clientSn })).toMatchObject({ outcome: 'CANCELED' });
    expect(h.sandbox.ledger()[0]).toMatchObject({ state: 'not charged', orderStatus: 'CANCELED' });
  });

  it('re-entering an unpaid order with the same parameters is USERPAYING, with others INVALID_REQUEST', async () => {
    const r = req('WECHAT', '1010');
    await h.gateway.pay(r);
    expect(await h.gateway.pay(r)).toMatchObject({
      outcome: 'IN_PROGRESS',
      errorCode: 'USERPAYING',
    });
    expect(await h.gateway.pay({ ...r, amountFen: 1 })).toMatchObject({
      outcome: 'UNKNOWN',
      errorCode: 'INVALID_REQUEST',
    });
  });

  it('an Alipay code at the WeChat endpoint is AUTH_CODE_INVALID and creates nothing', async () => {
    expect(await h.gateway.pay(req('ALIPAY', '0001'))).toMatchObject({
      outcome: 'FAILED',
      errorCode: 'AUTH_CODE_INVALID',
    });
    expect(h.sandbox.ledger()).toEqual([]);
  });
});
