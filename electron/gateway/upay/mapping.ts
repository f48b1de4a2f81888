import type { Channel, GatewayAnswer, GatewayOutcome } from '../types';
import { PAYWAY, type UpayOrderData, type UpayReply } from './wire';

/** What the caller asked about, so a reply about some other order is never believed. */
export interface Expectation {
  clientSn?: string;
  sn?: string;
  amountFen?: number;
  /** Our terminal: a reply about another terminal's order is not ours to act on. */
  terminalSn?: string;
}

const unknown = (errorCode: string, errorMessage?: string): GatewayAnswer => ({
  outcome: 'UNKNOWN',
  errorCode,
  ...(errorMessage !== undefined && { errorMessage }),
});

/** order_status is the authoritative state (payments.md §4); only these are final enough to act on. */
const BY_ORDER_STATUS: Record<string, GatewayOutcome> = {
  CREATED: 'IN_PROGRESS',
  PAID: 'PAID',
  PAY_CANCELED: 'FAILED',
  CANCELED: 'CANCELED',
  // The customer was charged and got (part of) it back; a partial refund leaves the sale paid.
  REFUNDED: 'REFUNDED',
  PARTIAL_REFUNDED: 'REFUNDED',
};

/** Action results that mean "the platform itself does not know" — query again or call support. */
const UNCERTAIN_RESULTS = new Set([
  'PAY_FAIL_ERROR',
  'PAY_FAIL_IN_PROGRESS',
  'CANCEL_ERROR',
  'CANCEL_IN_PROGRESS',
  'CANCEL_ABORT_ERROR',
  'CANCEL_ABORT_IN_PROGRESS',
]);

/**
 * Business errors that sound final but are not proof of "not charged": a client_sn conflict
 * or "already paid" may hide an earlier successful attempt, so the engine must query.
 */
const MUST_QUERY_ERRORS = new Set(['CLIENT_SN_CONFLICT', 'TRADE_HAS_SUCCESS']);

export function channelOf(payway: string | undefined): Channel | undefined {
  if (payway === PAYWAY.WECHAT) return 'WECHAT';
  if (payway === PAYWAY.ALIPAY || payway === PAYWAY.ALIPAY_V2) return 'ALIPAY';
  return undefined;
}

function mismatch(data: UpayOrderData, want: Expectation): string | undefined {
  // terminal_sn is checked whenever the reply names one (SQB's own query example omits it).
  if (
    want.terminalSn !== undefined &&
    data.terminal_sn !== undefined &&
    data.terminal_sn !== want.terminalSn
  )
    return 'terminal_sn';
  if (want.clientSn !== undefined && data.client_sn !== want.clientSn) return 'client_sn';
  if (want.sn !== undefined && data.sn !== want.sn) return 'sn';
  if (want.amountFen !== undefined && data.total_amount !== String(want.amountFen)) {
    return 'total_amount';
  }
  return undefined;
}

function describe(data: UpayOrderData): GatewayAnswer {
  const finish = data.channel_finish_time ?? data.finish_time;
  const channel = channelOf(data.payway);
  return {
    outcome: 'UNKNOWN',
    sn: data.sn,
    clientSn: data.client_sn,
    orderStatus: data.order_status,
    amountFen: Number(data.total_amount),
    ...(data.trade_no !== undefined && { tradeNo: data.trade_no }),
    ...(channel !== undefined && { channel }),
    ...(data.order_status === 'PAID' &&
      finish !== undefined && { paidAt: new Date(Number(finish)).toISOString() }),
  };
}

/** Turn a schema-valid upay reply into a GatewayAnswer, per payments.md §4 and §6. */
export function toAnswer(reply: UpayReply, want: Expectation): GatewayAnswer {
  if (reply.result_code !== '200') {
    const code =
      reply.error_code ?? (reply.result_code === '400' ? 'CLIENT_ERROR' : 'SERVER_ERROR');
    return unknown(code, reply.error_message);
  }
  const biz = reply.biz_response;
  if (!biz) return unknown('BAD_RESPONSE', 'result_code 200 without biz_response');
  const err = {
    ...(biz.error_code !== undefined && biz.error_code !== '' && { errorCode: biz.error_code }),
    ...(biz.error_message !== undefined &&
      biz.error_message !== '' && { errorMessage: biz.error_message }),
  };
  if (biz.error_code === 'UPAY_ORDER_NOT_EXISTS') return { outcome: 'NOT_FOUND', ...err };
  if (biz.error_code !== undefined && MUST_QUERY_ERRORS.has(biz.error_code)) {
    return { outcome: 'UNKNOWN', ...err };
  }

  const data = biz.data;
  if (!data) {
    // Without order data only an explicit failure or "go and query" can be believed.
    if (biz.result_code === 'PAY_FAIL') return { outcome: 'FAILED', ...err };
    if (biz.result_code === 'PAY_IN_PROGRESS') return { outcome: 'IN_PROGRESS', ...err };
    return { ...err, outcome: 'UNKNOWN', errorCode: err.errorCode ?? 'BAD_RESPONSE' };
  }
  const wrong = mismatch(data, want);
  if (wrong) return unknown('MISMATCH', `reply ${wrong} differs from the request`);

  const answer = { ...describe(data), ...err };
  const byStatus = BY_ORDER_STATUS[data.order_status];
  if (UNCERTAIN_RESULTS.has(biz.result_code)) {
    return { ...answer, outcome: 'UNKNOWN', errorCode: err.errorCode ?? biz.result_code };
  }
  if (byStatus === undefined) {
    // PAY_ERROR, REFUND_ERROR, CANCEL_INPROGRESS…: the engine must not act on these unaided.
    return { ...answer, outcome: 'UNKNOWN', errorCode: err.errorCode ?? 'UNHANDLED_ORDER_STATUS' };
  }
  // A "success" action result that contradicts the order state is not trusted either way.
  if (biz.result_code === 'PAY_SUCCESS' && byStatus !== 'PAID') {
    return { ...answer, outcome: 'UNKNOWN', errorCode: 'INCONSISTENT_STATUS' };
  }
  return { ...answer, outcome: byStatus };
}

/**
 * /upay/v2/refund: the action result decides, the order data is checked as for any reply.
 * REFUND_ERROR / REFUND_IN_PROGRESS are "ask again with the same refund_request_no".
 */
export function toRefundAnswer(reply: UpayReply, want: Expectation): GatewayAnswer {
  const base = toAnswer(reply, want);
  const rc = reply.result_code === '200' ? reply.biz_response?.result_code : undefined;
  if (rc === undefined || base.outcome === 'NOT_FOUND' || base.errorCode === 'MISMATCH')
    return base;
  if (rc === 'REFUND_SUCCESS') {
    return base.outcome === 'REFUNDED'
      ? base
      : { ...base, outcome: 'UNKNOWN', errorCode: 'INCONSISTENT_STATUS' };
  }
  if (rc === 'REFUND_FAIL') return { ...base, outcome: 'FAILED', errorCode: base.errorCode ?? rc };
  return { ...base, outcome: 'UNKNOWN', errorCode: base.errorCode ?? rc, retry: true };
}
