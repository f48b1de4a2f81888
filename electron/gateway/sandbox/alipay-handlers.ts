import { z } from 'zod';
import { classifyPaymentCode } from '../../../shared/codes';
import { fenToYuan, yuanToFen } from '../alipay/money';
import { beijingTimestamp } from '../alipay/wire';
import type { SandboxContext } from './exchange';
import type { SandboxOrder } from './orders';
import { scenarioForCode } from './scenarios';

/** What an Alipay handler decided: the body of `alipay_trade_xxx_response`, and scenario 3333. */
export interface AliResult {
  body: Record<string, string>;
  lostReply?: boolean;
}

const ok = (body: Record<string, string>, msg = 'Success'): AliResult => ({
  body: { code: '10000', msg, ...body },
});
const bizFail = (
  sub_code: string,
  sub_msg: string,
  extra: Record<string, string> = {},
): AliResult => ({
  body: { code: '40004', msg: 'Business Failed', sub_code, sub_msg, ...extra },
});

/** Sandbox refusal codes in Alipay's words (payments.md §2.4). */
const ALI_CODE: Record<string, string> = {
  INSUFFICIENT_FUND: 'ACQ.BUYER_BALANCE_NOT_ENOUGH',
  EXPIRED_BARCODE: 'ACQ.PAYMENT_AUTH_CODE_INVALID',
  INVALID_BARCODE: 'ACQ.PAYMENT_AUTH_CODE_INVALID',
};

export function tradeStatus(o: SandboxOrder): string {
  if (o.status === 'CREATED') return 'WAIT_BUYER_PAY';
  if (o.status === 'PAID' || o.status === 'PARTIAL_REFUNDED') return 'TRADE_SUCCESS';
  return 'TRADE_CLOSED';
}

function orderBody(o: SandboxOrder): Record<string, string> {
  return {
    out_trade_no: o.clientSn,
    total_amount: fenToYuan(o.amountFen),
    ...(o.tradeNo !== undefined && { trade_no: o.tradeNo, buyer_logon_id: '159****5620' }),
    ...(o.paidAt !== undefined && { gmt_payment: beijingTimestamp(o.paidAt) }),
  };
}

const yuan = z
  .string()
  .refine((s) => (yuanToFen(s) ?? 0) > 0, 'total_amount: yuan with ≤ 2 decimals, > 0');
export const PayBiz = z.object({
  out_trade_no: z.string().min(1).max(64),
  scene: z.literal('bar_code'),
  auth_code: z.string().min(1).max(64),
  subject: z.string().min(1).max(256),
  total_amount: yuan,
  operator_id: z.string().max(64).optional(),
});
export const RefBiz = z
  .object({
    out_trade_no: z.string().min(1).max(64).optional(),
    trade_no: z.string().min(1).max(64).optional(),
  })
  .refine(
    (r) => r.out_trade_no !== undefined || r.trade_no !== undefined,
    'out_trade_no or trade_no',
  );
export const RefundBiz = z.intersection(
  RefBiz,
  z.object({ refund_amount: yuan, out_request_no: z.string().min(1).max(64) }),
);

export function pay(ctx: SandboxContext, b: z.infer<typeof PayBiz>): AliResult {
  const { book } = ctx;
  const fen = yuanToFen(b.total_amount) ?? 0;
  const old = book.find({ clientSn: b.out_trade_no });
  if (old) {
    if (old.wasPaid) return bizFail('ACQ.TRADE_HAS_SUCCESS', '交易已被支付', orderBody(old));
    if (old.status !== 'CREATED') return bizFail('ACQ.TRADE_HAS_CLOSE', '交易已经关闭');
    if (old.authCode !== b.auth_code || old.amountFen !== fen) {
      return bizFail('ACQ.CONTEXT_INCONSISTENT', '交易信息被篡改');
    }
    return { body: { code: '10003', msg: ' order success pay inprocess', ...orderBody(old) } };
  }
  if (classifyPaymentCode(b.auth_code) !== 'ALIPAY')
    return bizFail('ACQ.PAYMENT_AUTH_CODE_INVALID', '支付失败，获取顾客账户信息失败');
  const reused = book.consumeCode(b.auth_code);
  const behaviour = reused
    ? {
        kind: 'fail' as const,
        errorCode: 'INVALID_BARCODE',
        errorMessage: '付款码已使用，请刷新后重新出示',
      }
    : scenarioForCode(b.auth_code).behaviour;
  const order = book.create(
    {
      clientSn: b.out_trade_no,
      protocol: 'alipay',
      channel: 'ALIPAY',
      amountFen: fen,
      authCode: b.auth_code,
      subject: b.subject,
      operator: b.operator_id ?? '',
    },
    behaviour,
  );
  if (order.status === 'PAID')
    return { ...ok(orderBody(order)), lostReply: behaviour.kind === 'lostReply' };
  if (order.status === 'CREATED')
    return { body: { code: '10003', msg: ' order success pay inprocess', ...orderBody(order) } };
  return bizFail(
    ALI_CODE[order.errorCode ?? ''] ?? 'ACQ.PAYMENT_FAIL',
    order.errorMessage ?? '支付失败',
  );
}

const findRef = (ctx: SandboxContext, r: z.infer<typeof RefBiz>) =>
  r.trade_no !== undefined
    ? ctx.book.find({ tradeNo: r.trade_no })
    : ctx.book.find({ clientSn: r.out_trade_no ?? '' });
const NOT_EXIST = (extra: Record<string, string> = {}) =>
  bizFail('ACQ.TRADE_NOT_EXIST', '交易不存在', extra);

export function query(ctx: SandboxContext, r: z.infer<typeof RefBiz>): AliResult {
  const order = findRef(ctx, r);
  if (
    ctx.faults.rateLimited(order?.clientSn ?? r.trade_no ?? r.out_trade_no ?? '', ctx.book.now())
  ) {
    return bizFail('ACQ.SYSTEM_ERROR', '查询过于频繁，请稍后再试');
  }
  if (!order) return NOT_EXIST();
  return ok({ ...orderBody(order), trade_status: tradeStatus(order) });
}

export function cancel(ctx: SandboxContext, r: z.infer<typeof RefBiz>): AliResult {
  const order = findRef(ctx, r);
  if (!order) return NOT_EXIST({ retry_flag: 'N' });
  if (ctx.faults.take('retryCancel'))
    return bizFail('ACQ.SYSTEM_ERROR', '系统繁忙', { retry_flag: 'Y' });
  // 7777: the payment completes right before the cancel, which therefore refunds it.
  ctx.book.racePay(order);
  const action = order.wasPaid ? 'refund' : 'close';
  ctx.book.cancel(order);
  return ok({
    out_trade_no: order.clientSn,
    ...(order.tradeNo !== undefined && { trade_no: order.tradeNo }),
    retry_flag: 'N',
    action,
  });
}

export function refund(ctx: SandboxContext, r: z.infer<typeof RefundBiz>): AliResult {
  const order = findRef(ctx, r);
  if (!order) return NOT_EXIST();
  const res = ctx.book.refund(order, r.out_request_no, yuanToFen(r.refund_amount) ?? 0);
  if (!res.ok) {
    const code = {
      NOT_PAID: 'ACQ.TRADE_STATUS_ERROR',
      NOT_ENOUGH: 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL',
      CONFLICT: 'ACQ.INVALID_PARAMETER',
    };
    return bizFail(code[res.reason], '退款失败');
  }
  return ok({
    ...orderBody(order),
    fund_change: res.fresh ? 'Y' : 'N',
    refund_fee: fenToYuan(order.refundedFen),
  });
}
