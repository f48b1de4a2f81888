import { describe, expect, it } from 'vitest';
import { mapCancel, mapPay, mapQuery, mapRefund } from '../../../electron/gateway/alipay/mapping';
import type { AliBody } from '../../../electron/gateway/alipay/wire';

const order = { out_trade_no: 'T1', trade_no: '2026112522001', total_amount: '12.50' };
const biz = (sub_code: string, extra: Partial<AliBody> = {}): AliBody => ({
  code: '40004',
  msg: 'Business Failed',
  sub_code,
  sub_msg: '说明',
  ...extra,
});

describe('Alipay trade.pay → GatewayAnswer (payments.md §2.3/§2.4)', () => {
  it('10000 is PAID with trade_no, fen amount and Beijing time', () => {
    expect(mapPay({ code: '10000', ...order, gmt_payment: '2026-11-25 10:00:00' })).toEqual({
      outcome: 'PAID',
      channel: 'ALIPAY',
      clientSn: 'T1',
      sn: '2026112522001',
      tradeNo: '2026112522001',
      amountFen: 1250,
      orderStatus: 'TRADE_SUCCESS',
      paidAt: '2026-11-25T02:00:00.000Z',
    });
  });

  it.each<[AliBody, string]>([
    [{ code: '10003', ...order }, 'IN_PROGRESS'],
    [{ code: '20000', sub_code: 'aop.unknow-error' }, 'UNKNOWN'],
    [biz('ACQ.SYSTEM_ERROR'), 'UNKNOWN'],
    [biz('ACQ.TRADE_HAS_SUCCESS'), 'UNKNOWN'],
    [biz('ACQ.CONTEXT_INCONSISTENT'), 'UNKNOWN'],
    [biz('ACQ.SOMETHING_NEW'), 'UNKNOWN'],
    [{ code: '40002', sub_code: 'isv.invalid-signature' }, 'UNKNOWN'],
    [biz('ACQ.PAYMENT_AUTH_CODE_INVALID'), 'FAILED'],
    [biz('ACQ.BUYER_BALANCE_NOT_ENOUGH'), 'FAILED'],
    [biz('ACQ.TRADE_HAS_CLOSE'), 'FAILED'],
    [biz('ACQ.PAYMENT_REQUEST_HAS_RISK'), 'FAILED'],
    [{ code: '10000', out_trade_no: 'T1' }, 'UNKNOWN'],
  ])('%o → %s', (body, outcome) => {
    expect(mapPay(body).outcome).toBe(outcome);
  });

  it('a failure keeps the sub_code and text', () => {
    expect(mapPay(biz('ACQ.BUYER_BALANCE_NOT_ENOUGH'))).toMatchObject({
      errorCode: 'ACQ.BUYER_BALANCE_NOT_ENOUGH',
      errorMessage: '说明',
    });
  });
});

describe('Alipay query / cancel / refund', () => {
  it.each([
    ['TRADE_SUCCESS', 'PAID'],
    ['TRADE_FINISHED', 'PAID'],
    ['WAIT_BUYER_PAY', 'IN_PROGRESS'],
    ['TRADE_CLOSED', 'CANCELED'],
    ['NEW_STATUS', 'UNKNOWN'],
  ])('trade_status %s → %s with amount', (trade_status, outcome) => {
    expect(mapQuery({ code: '10000', ...order, trade_status })).toMatchObject({
      outcome,
      amountFen: 1250,
    });
  });

  it('ACQ.TRADE_NOT_EXIST → NOT_FOUND, ACQ.SYSTEM_ERROR → UNKNOWN', () => {
    expect(mapQuery(biz('ACQ.TRADE_NOT_EXIST')).outcome).toBe('NOT_FOUND');
    expect(mapQuery(biz('ACQ.SYSTEM_ERROR')).outcome).toBe('UNKNOWN');
  });

  it.each<[AliBody, object]>([
    [{ code: '10000', ...order, retry_flag: 'N', action: 'close' }, { outcome: 'CANCELED' }],
    [{ code: '10000', ...order, retry_flag: 'N', action: 'refund' }, { outcome: 'REFUNDED' }], // the customer had paid: money went back
    [biz('ACQ.SYSTEM_ERROR', { retry_flag: 'Y' }), { outcome: 'UNKNOWN', retry: true }],
    [{ code: '20000' }, { outcome: 'UNKNOWN', retry: true }],
    [biz('ACQ.TRADE_CANCEL_TIME_OUT', { retry_flag: 'N' }), { outcome: 'UNKNOWN', retry: false }],
    [biz('ACQ.TRADE_NOT_EXIST'), { outcome: 'NOT_FOUND' }],
  ])('cancel %# → %o', (body, want) => {
    expect(mapCancel(body)).toMatchObject(want);
  });

  it.each<[AliBody, object]>([
    [
      { code: '10000', ...order, fund_change: 'Y', refund_fee: '2.50' },
      { outcome: 'REFUNDED', refundFen: 250 },
    ],
    [biz('ACQ.SYSTEM_ERROR'), { outcome: 'UNKNOWN', retry: true }],
    [biz('ACQ.SELLER_BALANCE_NOT_ENOUGH'), { outcome: 'FAILED' }],
    [biz('ACQ.TRADE_NOT_EXIST'), { outcome: 'NOT_FOUND' }],
  ])('refund %# → %o', (body, want) => {
    expect(mapRefund(body)).toMatchObject(want);
  });
});
