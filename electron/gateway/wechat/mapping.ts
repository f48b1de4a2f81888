import type { GatewayAnswer, GatewayOutcome } from '../types';
import { wechatTimeToIso, type WxReply } from './wire';

/**
 * WeChat v2 replies → GatewayAnswer, per payments.md §1.5–§1.7. Only codes the docs call
 * definite become FAILED; anything unlisted stays UNKNOWN so the engine queries instead of
 * reopening a cart that may have been paid.
 */

/** micropay err_code that prove "not charged" (§1.6 FAIL rows). */
export const WX_PAY_DEFINITE_FAIL = new Set([
  'AUTHCODEEXPIRE',
  'NOTENOUGH',
  'NOTSUPORTCARD',
  'ORDERCLOSED',
  'ORDERREVERSED',
  'AUTH_CODE_ERROR',
  'AUTH_CODE_INVALID',
  'BUYER_MISMATCH',
  'TRADE_ERROR',
  'PARAM_ERROR',
  'NOAUTH',
  'XML_FORMAT_ERROR',
  'REQUIRE_POST_METHOD',
  'SIGNERROR',
  'LACK_PARAMS',
  'NOT_UTF8',
  'APPID_NOT_EXIST',
  'MCHID_NOT_EXIST',
  'APPID_MCHID_NOT_MATCH',
]);

/** In progress: the customer is typing the password (§1.6 "wait 5 s, then query"). */
const WX_PAY_IN_PROGRESS = new Set(['USERPAYING']);
// Everything else — SYSTEMERROR, BANKERROR, ORDERPAID (confirm by query), OUT_TRADE_NO_USED,
// INVALID_REQUEST (this order no. has history) and codes we do not know — is UNKNOWN.

export const WX_TRADE_STATE: Record<string, GatewayOutcome> = {
  SUCCESS: 'PAID',
  REFUND: 'REFUNDED',
  NOTPAY: 'IN_PROGRESS',
  USERPAYING: 'IN_PROGRESS',
  CLOSED: 'CANCELED',
  REVOKED: 'CANCELED',
  PAYERROR: 'FAILED',
};

/** Refund errors documented as "retry with the same out_refund_no" (§1.7). */
const WX_REFUND_RETRY = new Set([
  'SYSTEMERROR',
  'BIZERR_NEED_RETRY',
  'INVALID_REQ_TOO_MUCH',
  'FREQUENCY_LIMITED',
]);

const errorOf = (r: WxReply) => ({
  ...(r.err_code !== undefined && { errorCode: r.err_code }),
  ...(r.err_code_des !== undefined && { errorMessage: r.err_code_des }),
});

function orderFacts(r: WxReply): Omit<GatewayAnswer, 'outcome'> {
  const paidAt = wechatTimeToIso(r.time_end);
  return {
    channel: 'WECHAT',
    ...(r.out_trade_no !== undefined && { clientSn: r.out_trade_no }),
    ...(r.transaction_id !== undefined && { sn: r.transaction_id, tradeNo: r.transaction_id }),
    ...(r.total_fee !== undefined && { amountFen: Number(r.total_fee) }),
    ...(r.trade_state !== undefined && { orderStatus: r.trade_state }),
    ...(paidAt !== undefined && { paidAt }),
  };
}

export function mapMicropay(r: WxReply): GatewayAnswer {
  if (r.result_code === 'SUCCESS') {
    // A success without the channel's order no. or amount is not proof of anything.
    if (r.transaction_id === undefined || r.total_fee === undefined) {
      return {
        outcome: 'UNKNOWN',
        errorCode: 'BAD_RESPONSE',
        errorMessage: 'success without transaction_id/total_fee',
      };
    }
    return { outcome: 'PAID', ...orderFacts(r), orderStatus: 'SUCCESS' };
  }
  const code = r.err_code ?? '';
  const outcome: GatewayOutcome = WX_PAY_DEFINITE_FAIL.has(code)
    ? 'FAILED'
    : WX_PAY_IN_PROGRESS.has(code)
      ? 'IN_PROGRESS'
      : 'UNKNOWN';
  return {
    outcome,
    ...orderFacts(r),
    ...errorOf(r),
    ...(code === '' && { errorCode: 'BAD_RESPONSE' }),
  };
}

export function mapOrderQuery(r: WxReply): GatewayAnswer {
  if (r.result_code !== 'SUCCESS') {
    const outcome = r.err_code === 'ORDERNOTEXIST' ? 'NOT_FOUND' : 'UNKNOWN';
    return { outcome, ...errorOf(r) };
  }
  const outcome = WX_TRADE_STATE[r.trade_state ?? ''] ?? 'UNKNOWN';
  if (outcome === 'PAID' && (r.transaction_id === undefined || r.total_fee === undefined)) {
    return {
      outcome: 'UNKNOWN',
      errorCode: 'BAD_RESPONSE',
      errorMessage: 'SUCCESS without transaction_id/total_fee',
    };
  }
  return {
    outcome,
    ...orderFacts(r),
    ...(outcome === 'UNKNOWN' && { errorCode: 'UNHANDLED_TRADE_STATE' }),
    ...(r.trade_state_desc !== undefined && { errorMessage: r.trade_state_desc }),
  };
}

/**
 * Reverse (§1.7): recall=Y means "call again". USERPAYING means the customer is still in the
 * password dialog — not reversed; query once more, then reverse again (§6.4). No reverse error
 * is FAILED: the order may be paid and the engine must not reopen the cart on it.
 */
export function mapReverse(r: WxReply): GatewayAnswer {
  const recall = r.recall === 'Y';
  if (r.result_code === 'SUCCESS' && !recall)
    return { outcome: 'CANCELED', channel: 'WECHAT', orderStatus: 'REVOKED' };
  if (r.result_code === 'SUCCESS') return { outcome: 'UNKNOWN', errorCode: 'RECALL', retry: true };
  const code = r.err_code ?? '';
  if (code === 'ORDERNOTEXIST') return { outcome: 'NOT_FOUND', ...errorOf(r) };
  if (code === 'USERPAYING') return { outcome: 'IN_PROGRESS', ...errorOf(r), retry: true };
  return { outcome: 'UNKNOWN', ...errorOf(r), retry: recall || code === 'SYSTEMERROR' };
}

export function mapRefund(r: WxReply): GatewayAnswer {
  if (r.result_code === 'SUCCESS') {
    return {
      outcome: 'REFUNDED',
      ...orderFacts(r),
      ...(r.refund_fee !== undefined && { refundFen: Number(r.refund_fee) }),
    };
  }
  const code = r.err_code ?? '';
  if (code === 'ORDERNOTEXIST') return { outcome: 'NOT_FOUND', ...errorOf(r) };
  if (WX_REFUND_RETRY.has(code) || code === '') {
    return { outcome: 'UNKNOWN', ...errorOf(r), retry: true };
  }
  // TRADE_OVERDUE, NOTENOUGH, USER_ACCOUNT_ABNORMAL, PARAM_ERROR…: this refund did not happen.
  return { outcome: 'FAILED', ...errorOf(r) };
}
