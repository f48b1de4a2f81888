import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUpayGateway } from '../../../electron/gateway/upay/client';
import { payRequest, rawPost, startFakeClockSandbox } from './sandbox-harness';

type Harness = Awaited<ReturnType<typeof startFakeClockSandbox>>;

describe('sandbox gateway protocol checks over real HTTP', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startFakeClockSandbox();
  });
  afterEach(() => h.sandbox.close());

  it('refuses a request signed with the wrong key (ILLEGAL_SIGN) and charges nobody', async () => {
    const forger = createUpayGateway({
      baseUrl: h.sandbox.url,
      terminalSn: h.sandbox.terminalSn,
      terminalKey: `${h.sandbox.terminalKey}0`,
    });
    expect(await forger.pay(payRequest('WECHAT', '0001'))).toMatchObject({
      outcome: 'UNKNOWN',
      errorCode: 'ILLEGAL_SIGN',
    });
    const res = await rawPost(h.sandbox, '/upay/v2/pay', '{}', 'wrong-key');
    expect(res.json).toMatchObject({ result_code: '400', error_code: 'ILLEGAL_SIGN' });
    expect(h.sandbox.ledger()).toEqual([]);
  });

  it('refuses the right key under another terminal sn (ILLEGAL_SIGN)', async () => {
    const other = createUpayGateway({
      baseUrl: h.sandbox.url,
      terminalSn: 'OTHER',
      terminalKey: h.sandbox.terminalKey,
    });
    expect(await other.query({ clientSn: 'x' })).toMatchObject({
      outcome: 'UNKNOWN',
      errorCode: 'ILLEGAL_SIGN',
    });
  });

  it.each([
    ['not JSON', 'hello'],
    ['amount in yuan', { total_amount: '12.50' }],
    ['zero amount', { total_amount: '0' }],
    ['missing subject', { subject: undefined }],
    ['over-long client_sn', { client_sn: 'C'.repeat(33) }],
  ])('INVALID_PARAMS for %s', async (_name, patch) => {
    const good = {
      terminal_sn: h.sandbox.terminalSn,
      client_sn: 'C1',
      total_amount: '100',
      dynamic_id: '134567890123450001',
      subject: 's',
      operator: 'o',
    };
    const body = typeof patch === 'string' ? patch : JSON.stringify({ ...good, ...patch });
    const res = await rawPost(h.sandbox, '/upay/v2/pay', body);
    expect(res.json).toMatchObject({ result_code: '400', error_code: 'INVALID_PARAMS' });
    expect(h.sandbox.ledger()).toEqual([]);
  });

  it('the client turns INVALID_PARAMS into UNKNOWN, not FAILED', async () => {
    const a = await h.gateway.pay({ ...payRequest('WECHAT', '0001'), amountFen: 0 });
    expect(a).toMatchObject({ outcome: 'UNKNOWN', errorCode: 'INVALID_PARAMS' });
  });

  it('refuses a body naming another terminal (INVALID_TERMINAL)', async () => {
    const res = await rawPost(
      h.sandbox,
      '/upay/v2/query',
      JSON.stringify({ terminal_sn: 'OTHER', client_sn: 'C1' }),
    );
    expect(res.json).toMatchObject({ result_code: '400', error_code: 'INVALID_TERMINAL' });
  });

  it('answers 404 for unknown endpoints and GET', async () => {
    expect((await rawPost(h.sandbox, '/upay/v2/revoke', '{}')).status).toBe(404);
    expect((await fetch(`${h.sandbox.url}/upay/v2/pay`)).status).toBe(404);
  });

  it('CLIENT_SN_CONFLICT: a reused client_sn is refused, the first order is untouched', async () => {
    const first = payRequest('WECHAT', '4444');
    expect(await h.gateway.pay(first)).toMatchObject({ outcome: 'FAILED' });
    const retry = { ...payRequest('WECHAT', '0001'), clientSn: first.clientSn };
    expect(await h.gateway.pay(retry)).toMatchObject({
      outcome: 'UNKNOWN',
      errorCode: 'CLIENT_SN_CONFLICT',
    });
    expect(h.sandbox.ledger()).toEqual([
      expect.objectContaining({
        clientSn: first.clientSn,
        authCode: first.authCode,
        state: 'not charged',
      }),
    ]);
    // The refused request did not burn the new code.
    expect(await h.gateway.pay({ ...retry, clientSn: `${first.clientSn}b` })).toMatchObject({
      outcome: 'PAID',
    });
  });

  it('a payment code pays once: reuse under a new client_sn is refused', async () => {
    const first = payRequest('ALIPAY', '0001');
    expect(await h.gateway.pay(first)).toMatchObject({ outcome: 'PAID' });
    const again = { ...payRequest('ALIPAY', '0001'), authCode: first.authCode };
    const a = await h.gateway.pay(again);
    expect(a).toMatchObject({
      outcome: 'FAILED',
      errorCode: 'INVALID_BARCODE',
      errorMessage: expect.stringContaining('已使用'),
    });
    const ledger = h.sandbox.ledger();
    expect(ledger.filter((e) => e.state === 'charged').map((e) => e.clientSn)).toEqual([
      first.clientSn,
    ]);
    expect(ledger.find((e) => e.clientSn === again.clientSn)?.state).toBe('not charged');
  });

  it('query by sn and by client_sn give the same order; unknown ids are NOT_FOUND', async () => {
    const req = payRequest('WECHAT', '0001');
    const paid = await h.gateway.pay(req);
    const bySn = await h.gateway.query({ sn: paid.sn ?? '' });
    const byClientSn = await h.gateway.query({ clientSn: req.clientSn });
    expect(bySn).toEqual(paid);
    expect(byClientSn).toEqual(paid);
    expect(await h.gateway.query({ sn: '7899999999999999' })).toMatchObject({
      outcome: 'NOT_FOUND',
      errorCode: 'UPAY_ORDER_NOT_EXISTS',
    });
    expect(await h.gateway.query({ clientSn: 'NOPE' })).toMatchObject({ outcome: 'NOT_FOUND' });
  });

  it('cancel of a CREATED order closes it for good: the customer is never charged', async () => {
    const req = payRequest('WECHAT', '1010');
    const pending = await h.gateway.pay(req);
    h.advance(5_000);
    expect(await h.gateway.cancel({ sn: pending.sn ?? '' })).toMatchObject({
      outcome: 'CANCELED',
      orderStatus: 'CANCELED',
    });
    h.advance(60_000);
    expect(await h.gateway.query({ clientSn: req.clientSn })).toMatchObject({
      outcome: 'CANCELED',
    });
    expect(h.sandbox.ledger()[0]?.state).toBe('not charged');
  });

  it('cancel of a PAID order refunds it; repeating the cancel is harmless', async () => {
    const req = payRequest('ALIPAY', '0001');
    const paid = await h.gateway.pay(req);
    const canceled = await h.gateway.cancel({ clientSn: req.clientSn });
    expect(canceled).toMatchObject({ outcome: 'CANCELED', sn: paid.sn, tradeNo: paid.tradeNo });
    expect(await h.gateway.cancel({ clientSn: req.clientSn })).toMatchObject({
      outcome: 'CANCELED',
    });
    expect(h.sandbox.ledger()[0]).toMatchObject({ state: 'refunded', orderStatus: 'CANCELED' });
  });

  it('cancel after the password delay ran out refunds the payment that happened meanwhile', async () => {
    const req = payRequest('WECHAT', '1010');
    await h.gateway.pay(req);
    h.advance(10_000);
    expect(await h.gateway.cancel({ clientSn: req.clientSn })).toMatchObject({
      outcome: 'CANCELED',
    });
    expect(h.sandbox.ledger()[0]?.state).toBe('refunded');
  });

  it('cancel of an unknown order is NOT_FOUND', async () => {
    expect(await h.gateway.cancel({ clientSn: 'NOPE' })).toMatchObject({ outcome: 'NOT_FOUND' });
  });
});
