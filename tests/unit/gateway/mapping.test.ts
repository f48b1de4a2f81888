import { describe, expect, it } from 'vitest';
import { toAnswer } from '../../../electron/gateway/upay/mapping';
import type { UpayOrderData, UpayReply } from '../../../electron/gateway/upay/wire';

const data = (over: Partial<UpayOrderData> = {}): UpayOrderData => ({
  sn: '7800000000000001',
  client_sn: 'C1',
  order_status: 'PAID',
  payway: '3',
  total_amount: '1250',
  trade_no: '4200000000202611250000000001',
  finish_time: String(Date.UTC(2026, 10, 25, 2, 0, 0)),
  ...over,
});
const biz = (result_code: string, d?: UpayOrderData, error_code?: string): UpayReply => ({
  result_code: '200',
  biz_response: {
    result_code,
    ...(d && { data: d }),
    ...(error_code && { error_code, error_message: '说明' }),
  },
});
const want = { clientSn: 'C1', amountFen: 1250 };

describe('upay reply → GatewayAnswer', () => {
  it('PAY_SUCCESS with order PAID is PAID with ids, channel, amount and time', () => {
    expect(toAnswer(biz('PAY_SUCCESS', data()), want)).toEqual({
      outcome: 'PAID',
      sn: '7800000000000001',
      clientSn: 'C1',
      tradeNo: '4200000000202611250000000001',
      channel: 'WECHAT',
      orderStatus: 'PAID',
      amountFen: 1250,
      paidAt: '2026-11-25T02:00:00.000Z',
    });
  });

  it.each([
    ['PAY_FAIL', 'PAY_CANCELED', 'FAILED'],
    ['SUCCESS', 'PAY_CANCELED', 'FAILED'],
    ['CANCEL_SUCCESS', 'CANCELED', 'CANCELED'],
    ['PAY_IN_PROGRESS', 'CREATED', 'IN_PROGRESS'],
    ['SUCCESS', 'CREATED', 'IN_PROGRESS'],
    ['SUCCESS', 'PAID', 'PAID'],
    ['PAY_FAIL_ERROR', 'PAY_ERROR', 'UNKNOWN'],
    ['PAY_FAIL_IN_PROGRESS', 'CREATED', 'UNKNOWN'],
    ['SUCCESS', 'PAY_ERROR', 'UNKNOWN'],
    ['SUCCESS', 'REFUNDED', 'REFUNDED'],
    ['SUCCESS', 'PARTIAL_REFUNDED', 'REFUNDED'],
    ['SUCCESS', 'SOMETHING_NEW', 'UNKNOWN'],
    ['CANCEL_ERROR', 'CANCEL_ERROR', 'UNKNOWN'],
    ['PAY_SUCCESS', 'CREATED', 'UNKNOWN'],
  ])('%s with order_status %s → %s', (result, status, outcome) => {
    const d = data({ order_status: status });
    expect(toAnswer(biz(result, d), want).outcome).toBe(outcome);
  });

  it('PAY_FAIL keeps the acquirer code and Chinese text', () => {
    const a = toAnswer(
      biz('PAY_FAIL', data({ order_status: 'PAY_CANCELED' }), 'INSUFFICIENT_FUND'),
      want,
    );
    expect(a).toMatchObject({
      outcome: 'FAILED',
      errorCode: 'INSUFFICIENT_FUND',
      errorMessage: '说明',
    });
    expect(a.paidAt).toBeUndefined();
  });

  it('UPAY_ORDER_NOT_EXISTS is NOT_FOUND', () => {
    expect(toAnswer(biz('FAIL', undefined, 'UPAY_ORDER_NOT_EXISTS'), want).outcome).toBe(
      'NOT_FOUND',
    );
  });

  it('CLIENT_SN_CONFLICT and TRADE_HAS_SUCCESS are UNKNOWN: an earlier attempt may have paid', () => {
    for (const code of ['CLIENT_SN_CONFLICT', 'TRADE_HAS_SUCCESS']) {
      expect(toAnswer(biz('PAY_FAIL', undefined, code), want)).toMatchObject({
        outcome: 'UNKNOWN',
        errorCode: code,
      });
    }
  });

  it('communication errors 400/500 are UNKNOWN with their error_code', () => {
    const r400: UpayReply = { result_code: '400', error_code: 'ILLEGAL_SIGN', error_message: 'x' };
    const r500: UpayReply = { result_code: '500' };
    expect(toAnswer(r400, want)).toMatchObject({ outcome: 'UNKNOWN', errorCode: 'ILLEGAL_SIGN' });
    expect(toAnswer(r500, want)).toMatchObject({ outcome: 'UNKNOWN', errorCode: 'SERVER_ERROR' });
  });

  it('a reply about another client_sn, sn or amount is MISMATCH, never PAID', () => {
    const other = toAnswer(biz('PAY_SUCCESS', data({ client_sn: 'C2' })), want);
    const amount = toAnswer(biz('PAY_SUCCESS', data({ total_amount: '1' })), want);
    const sn = toAnswer(biz('SUCCESS', data()), { sn: '7800000000000009' });
    for (const a of [other, amount, sn]) {
      expect(a).toEqual({
        outcome: 'UNKNOWN',
        errorCode: 'MISMATCH',
        errorMessage: expect.any(String),
      });
    }
  });

  it('a reply naming another terminal_sn is MISMATCH, never PAID (as WeChat checks mch_id)', () => {
    const ours = { ...want, terminalSn: '100000990000001' };
    const other = toAnswer(biz('PAY_SUCCESS', data({ terminal_sn: '100000990000002' })), ours);
    expect(other).toMatchObject({ outcome: 'UNKNOWN', errorCode: 'MISMATCH' });
    expect(other.errorMessage).toMatch(/terminal_sn/);
    // Our own terminal, or a reply that names none (SQB's own example omits it), is read.
    expect(
      toAnswer(biz('PAY_SUCCESS', data({ terminal_sn: '100000990000001' })), ours).outcome,
    ).toBe('PAID');
    expect(toAnswer(biz('PAY_SUCCESS', data()), ours).outcome).toBe('PAID');
  });

  it('200 without biz_response, or PAY_SUCCESS without order data, is UNKNOWN', () => {
    expect(toAnswer({ result_code: '200' }, want).outcome).toBe('UNKNOWN');
    expect(toAnswer(biz('PAY_SUCCESS'), want).outcome).toBe('UNKNOWN');
  });

  it('maps payway 1/2 to ALIPAY', () => {
    expect(toAnswer(biz('SUCCESS', data({ payway: '1' })), want).channel).toBe('ALIPAY');
    expect(toAnswer(biz('SUCCESS', data({ payway: '2' })), want).channel).toBe('ALIPAY');
  });
});
