import { describe, expect, it } from 'vitest';
import {
  mapMicropay,
  mapOrderQuery,
  mapRefund,
  mapReverse,
} from '../../../electron/gateway/wechat/mapping';
import { checkReply } from '../../../electron/gateway/wechat/reply';
import { wechatSign } from '../../../electron/gateway/wechat/sign';
import type { WxReply } from '../../../electron/gateway/wechat/wire';
import { encodeXml } from '../../../electron/gateway/wechat/xml';

const base = { return_code: 'SUCCESS', appid: 'wx1', mch_id: 'm1' };
const paid: WxReply = {
  ...base,
  result_code: 'SUCCESS',
  out_trade_no: 'T1',
  transaction_id: '4200000000202611250000000001',
  total_fee: '1250',
  time_end: '20261125100000',
};
const failWith = (err_code: string): WxReply => ({
  ...base,
  result_code: 'FAIL',
  err_code,
  err_code_des: '说明',
});

describe('WeChat micropay → GatewayAnswer (payments.md §1.6)', () => {
  it('SUCCESS is PAID with transaction_id as sn/tradeNo, amount and Beijing time', () => {
    expect(mapMicropay(paid)).toEqual({
      outcome: 'PAID',
      channel: 'WECHAT',
      clientSn: 'T1',
      sn: '4200000000202611250000000001',
      tradeNo: '4200000000202611250000000001',
      amountFen: 1250,
      orderStatus: 'SUCCESS',
      paidAt: '2026-11-25T02:00:00.000Z',
    });
  });

  it.each([
    ['USERPAYING', 'IN_PROGRESS'],
    ['SYSTEMERROR', 'UNKNOWN'],
    ['BANKERROR', 'UNKNOWN'],
    ['ORDERPAID', 'UNKNOWN'],
    ['OUT_TRADE_NO_USED', 'UNKNOWN'],
    ['INVALID_REQUEST', 'UNKNOWN'],
    ['SOMETHING_NEW', 'UNKNOWN'],
    ['AUTHCODEEXPIRE', 'FAILED'],
    ['NOTENOUGH', 'FAILED'],
    ['NOTSUPORTCARD', 'FAILED'],
    ['ORDERCLOSED', 'FAILED'],
    ['ORDERREVERSED', 'FAILED'],
    ['AUTH_CODE_ERROR', 'FAILED'],
    ['AUTH_CODE_INVALID', 'FAILED'],
    ['BUYER_MISMATCH', 'FAILED'],
    ['TRADE_ERROR', 'FAILED'],
    ['PARAM_ERROR', 'FAILED'],
    ['SIGNERROR', 'FAILED'],
  ])('err_code %s → %s, code kept', (code, outcome) => {
    expect(mapMicropay(failWith(code))).toMatchObject({
      outcome,
      errorCode: code,
      errorMessage: '说明',
    });
  });

  it('SUCCESS without transaction_id is not proof of payment', () => {
    expect(mapMicropay({ ...paid, transaction_id: undefined }).outcome).toBe('UNKNOWN');
  });
});

describe('WeChat orderquery trade_state (payments.md §1.5)', () => {
  it.each([
    ['SUCCESS', 'PAID'],
    ['REFUND', 'REFUNDED'],
    ['NOTPAY', 'IN_PROGRESS'],
    ['USERPAYING', 'IN_PROGRESS'],
    ['CLOSED', 'CANCELED'],
    ['REVOKED', 'CANCELED'],
    ['PAYERROR', 'FAILED'],
    ['BRAND_NEW', 'UNKNOWN'],
  ])('%s → %s', (trade_state, outcome) => {
    expect(mapOrderQuery({ ...paid, trade_state })).toMatchObject({ outcome, amountFen: 1250 });
  });

  it('ORDERNOTEXIST → NOT_FOUND; SYSTEMERROR/FREQUENCY_LIMITED → UNKNOWN', () => {
    expect(mapOrderQuery(failWith('ORDERNOTEXIST')).outcome).toBe('NOT_FOUND');
    expect(mapOrderQuery(failWith('SYSTEMERROR')).outcome).toBe('UNKNOWN');
    expect(mapOrderQuery(failWith('FREQUENCY_LIMITED')).outcome).toBe('UNKNOWN');
  });
});

describe('WeChat reverse and refund (payments.md §1.7)', () => {
  it.each<[WxReply, object]>([
    [{ ...base, result_code: 'SUCCESS', recall: 'N' }, { outcome: 'CANCELED' }],
    [
      { ...base, result_code: 'SUCCESS', recall: 'Y' },
      { outcome: 'UNKNOWN', retry: true },
    ],
    [
      { ...failWith('SYSTEMERROR'), recall: 'Y' },
      { outcome: 'UNKNOWN', retry: true },
    ],
    [
      { ...failWith('USERPAYING'), recall: 'N' },
      { outcome: 'IN_PROGRESS', retry: true },
    ],
    [failWith('ORDERNOTEXIST'), { outcome: 'NOT_FOUND' }],
    [
      { ...failWith('REVERSE_EXPIRE'), recall: 'N' },
      { outcome: 'UNKNOWN', retry: false },
    ],
  ])('reverse %# → %o', (reply, want) => {
    expect(mapReverse(reply)).toMatchObject(want);
  });

  it.each([
    ['SYSTEMERROR', 'UNKNOWN', true],
    ['BIZERR_NEED_RETRY', 'UNKNOWN', true],
    ['FREQUENCY_LIMITED', 'UNKNOWN', true],
    ['NOTENOUGH', 'FAILED', undefined],
    ['TRADE_OVERDUE', 'FAILED', undefined],
    ['ORDERNOTEXIST', 'NOT_FOUND', undefined],
  ])('refund err %s → %s (retry %s)', (code, outcome, retry) => {
    const a = mapRefund(failWith(code));
    expect(a.outcome).toBe(outcome);
    expect(a.retry).toBe(retry);
  });

  it('refund SUCCESS → REFUNDED with the refunded amount', () => {
    expect(mapRefund({ ...paid, refund_fee: '250', out_refund_no: 'R1' })).toMatchObject({
      outcome: 'REFUNDED',
      refundFen: 250,
      amountFen: 1250,
    });
  });
});

describe('WeChat reply checks before any mapping', () => {
  const key = 'k'.repeat(32);
  const want = { appId: 'wx1', mchId: 'm1', outTradeNo: 'T1', totalFen: 1250 };
  const signed = (f: Record<string, string>) =>
    encodeXml({ ...f, sign: wechatSign(f, key, 'HMAC-SHA256') });
  const fields = {
    return_code: 'SUCCESS',
    appid: 'wx1',
    mch_id: 'm1',
    result_code: 'SUCCESS',
    out_trade_no: 'T1',
    total_fee: '1250',
    transaction_id: '42',
  };

  it('accepts a correctly signed reply about our order', () => {
    expect(checkReply(200, signed(fields), key, 'HMAC-SHA256', want).ok).toBe(true);
  });

  it.each([
    ['missing sign', encodeXml(fields), 'BAD_SIGNATURE'],
    [
      'sign by another key',
      encodeXml({ ...fields, sign: wechatSign(fields, 'x', 'HMAC-SHA256') }),
      'BAD_SIGNATURE',
    ],
    ['tampered after signing', signed(fields).replace('1250', '1'), 'BAD_SIGNATURE'],
    ['another mch_id', signed({ ...fields, mch_id: 'm2' }), 'MISMATCH'],
    ['another appid', signed({ ...fields, appid: 'wx2' }), 'MISMATCH'],
    ['another out_trade_no', signed({ ...fields, out_trade_no: 'T2' }), 'MISMATCH'],
    ['another total_fee', signed({ ...fields, total_fee: '1' }), 'MISMATCH'],
    ['return_code FAIL', encodeXml({ return_code: 'FAIL', return_msg: '签名错误' }), 'RETURN_FAIL'],
    ['not XML', '<html>502</html>', 'BAD_RESPONSE'],
    ['result_code of a wrong kind', signed({ ...fields, result_code: 'MAYBE' }), 'BAD_RESPONSE'],
  ])('%s → UNKNOWN %s', (_name, text, code) => {
    const c = checkReply(200, text, key, 'HMAC-SHA256', want);
    expect(c.ok ? null : c.answer).toMatchObject({ outcome: 'UNKNOWN', errorCode: code });
  });

  it('a non-2xx status is UNKNOWN HTTP_<status> whatever the body says', () => {
    const c = checkReply(502, signed(fields), key, 'HMAC-SHA256', want);
    expect(c.ok ? null : c.answer).toMatchObject({ outcome: 'UNKNOWN', errorCode: 'HTTP_502' });
  });
});
