import type { GatewayAnswer, GatewayOutcome } from '../types';
import { yuanToFen } from './money';
import { alipayTimeToIso, type AliBody } from './wire';

/**
 * Alipay codes → GatewayAnswer (payments.md §2.3/§2.4). 40004 sub_codes that prove "not
 * charged" are FAILED; ACQ.SYSTEM_ERROR, ACQ.TRADE_HAS_SUCCESS (confirm by query),
 * ACQ.CONTEXT_INCONSISTENT (this out_trade_no has history) and anything unlisted are UNKNOWN.
 */

export const ALI_PAY_DEFINITE_FAIL = new Set([
  'ACQ.PAYMENT_AUTH_CODE_INVALID',
  'ACQ.TRADE_HAS_CLOSE',
  'ACQ.BUYER_BALANCE_NOT_ENOUGH',
  'ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH',
  'ACQ.PAYMENT_FAIL',
  'ACQ.PAYMENT_REQUEST_HAS_RISK',
  'ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE',
  'ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR',
  'ACQ.INVALID_STORE_ID',
  'ACQ.INVALID_PARAMETER',
  'ACQ.ACCESS_FORBIDDEN',
  'ACQ.PARTNER_ERROR',
  'ACQ.TOTAL_FEE_EXCEED',
  'ACQ.EXIST_FORBIDDEN_WORD',
]);

export const ALI_TRADE_STATUS: Record<string, GatewayOutcome> = {
  TRADE_SUCCESS: 'PAID',
  TRADE_FINISHED: 'PAID',
  WAIT_BUYER_PAY: 'IN_PROGRESS',
  TRADE_CLOSED: 'CANCELED',
};

/** Refund sub_codes that mean this refund did not and will not happen as asked. */
const ALI_REFUND_DEFINITE_FAIL = new Set([
  'ACQ.SELLER_BALANCE_NOT_ENOUGH',
  'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL',
  'ACQ.TRADE_NOT_ALLOW_REFUND',
  'ACQ.REFUND_FEE_ERROR',
  'ACQ.TRADE_STATUS_ERROR',
  'ACQ.INVALID_PARAMETER',
]);

const errorOf = (b: AliBody) => ({
  errorCode: b.sub_code ?? b.code,
  ...((b.sub_msg ?? b.msg) !== undefined && { errorMessage: b.sub_msg ?? b.msg }),
});

function facts(b: AliBody): Omit<GatewayAnswer, 'outcome'> {
  const amountFen = b.total_amount === undefined ? null : yuanToFen(b.total_amount);
  const paidAt = alipayTimeToIso(b.gmt_payment ?? b.send_pay_date);
  return {
    channel: 'ALIPAY',
    ...(b.out_trade_no !== undefined && { clientSn: b.out_trade_no }),
    ...(b.trade_no !== undefined && { sn: b.trade_no, tradeNo: b.trade_no }),
    ...(amountFen !== null && { amountFen }),
    ...(b.trade_status !== undefined && { orderStatus: b.trade_status }),
    ...(paidAt !== undefined && { paidAt }),
  };
}

export function mapPay(b: AliBody): GatewayAnswer {
  if (b.code === '10000') {
    if (b.trade_no === undefined || b.total_amount === undefined) {
      return {
        outcome: 'UNKNOWN',
        errorCode: 'BAD_RESPONSE',
        errorMessage: '10000 without trade_no/total_amount',
      };
    }
    return { outcome: 'PAID', ...facts(b), orderStatus: 'TRADE_SUCCESS' };
  }
  if (b.code === '10003')
    return { outcome: 'IN_PROGRESS', ...facts(b), orderStatus: 'WAIT_BUYER_PAY' };
  const definite = b.code === '40004' && ALI_PAY_DEFINITE_FAIL.has(b.sub_code ?? '');
  return { outcome: definite ? 'FAILED' : 'UNKNOWN', ...facts(b), ...errorOf(b) };
}

export function mapQuery(b: AliBody): GatewayAnswer {
  if (b.code === '10000') {
    const outcome = ALI_TRADE_STATUS[b.trade_status ?? ''] ?? 'UNKNOWN';
    if (outcome === 'PAID' && (b.trade_no === undefined || b.total_amount === undefined)) {
      return {
        outcome: 'UNKNOWN',
        errorCode: 'BAD_RESPONSE',
        errorMessage: 'paid without trade_no/total_amount',
      };
    }
    return {
      outcome,
      ...facts(b),
      ...(outcome === 'UNKNOWN' && { errorCode: 'UNHANDLED_TRADE_STATUS' }),
    };
  }
  // "交易如果未创建，交易查询接口会返回报错" (ALI-POLL): the trade never arrived.
  if (b.sub_code === 'ACQ.TRADE_NOT_EXIST') return { outcome: 'NOT_FOUND', ...errorOf(b) };
  return { outcome: 'UNKNOWN', ...errorOf(b) };
}

/**
 * Cancel: action close (unpaid, closed) or refund (paid, money back) — both end the sale; a
 * refund says the customer had been charged, so it is REFUNDED (the cashier is told the money
 * went back, not that the customer did not pay).
 */
export function mapCancel(b: AliBody): GatewayAnswer {
  const retry = b.retry_flag === 'Y';
  if (b.code === '10000' && !retry) {
    return {
      outcome: b.action === 'refund' ? 'REFUNDED' : 'CANCELED',
      ...facts(b),
      orderStatus: 'TRADE_CLOSED',
      ...(b.action !== undefined && { errorMessage: `action=${b.action}` }),
    };
  }
  if (b.sub_code === 'ACQ.TRADE_NOT_EXIST') return { outcome: 'NOT_FOUND', ...errorOf(b) };
  // Never FAILED: a cancel we could not do leaves a possibly paid order for a person to settle.
  return {
    outcome: 'UNKNOWN',
    ...facts(b),
    ...errorOf(b),
    retry: retry || b.code === '20000' || b.sub_code === 'ACQ.SYSTEM_ERROR',
  };
}

export function mapRefund(b: AliBody): GatewayAnswer {
  if (b.code === '10000') {
    const refundFen = b.refund_fee === undefined ? null : yuanToFen(b.refund_fee);
    return { outcome: 'REFUNDED', ...facts(b), ...(refundFen !== null && { refundFen }) };
  }
  if (b.sub_code === 'ACQ.TRADE_NOT_EXIST') return { outcome: 'NOT_FOUND', ...errorOf(b) };
  if (b.code === '40004' && ALI_REFUND_DEFINITE_FAIL.has(b.sub_code ?? ''))
    return { outcome: 'FAILED', ...errorOf(b) };
  // ANTOM: "retry query/cancel/refund with the same params until you get a result".
  return { outcome: 'UNKNOWN', ...errorOf(b), retry: true };
}
