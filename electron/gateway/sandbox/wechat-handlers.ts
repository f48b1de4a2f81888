import { z } from 'zod';
import { classifyPaymentCode } from '../../../shared/codes';
import type { XmlFields } from '../wechat/xml';
import type { SandboxContext } from './exchange';
import type { SandboxOrder } from './orders';
import { scenarioForCode } from './scenarios';

/** What a WeChat handler decided: business fields (signed by the caller) and scenario 3333. */
export interface WxResult {
  fields: XmlFields;
  lostReply?: boolean;
}

const fail = (err_code: string, err_code_des: string, extra: XmlFields = {}): WxResult => ({
  fields: { result_code: 'FAIL', err_code, err_code_des, ...extra },
});
const ok = (fields: XmlFields): WxResult => ({ fields: { result_code: 'SUCCESS', ...fields } });

/** Sandbox refusal codes in WeChat's words (payments.md §1.6). */
const WX_CODE: Record<string, string> = {
  INSUFFICIENT_FUND: 'NOTENOUGH',
  EXPIRED_BARCODE: 'AUTHCODEEXPIRE',
  INVALID_BARCODE: 'AUTH_CODE_INVALID',
};

function beijing(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace(/\D/g, '');
}

/** trade_state as orderquery shows it (payments.md §1.5). */
export function tradeState(o: SandboxOrder): string {
  if (o.status === 'CREATED') return 'USERPAYING';
  if (o.status === 'PAID') return 'SUCCESS';
  if (o.status === 'REFUNDED' || o.status === 'PARTIAL_REFUNDED') return 'REFUND';
  if (o.status === 'CANCELED' || o.errorCode === 'TRADE_TIMEOUT') return 'REVOKED';
  return 'PAYERROR';
}

function orderFields(o: SandboxOrder): XmlFields {
  return {
    out_trade_no: o.clientSn,
    total_fee: String(o.amountFen),
    fee_type: 'CNY',
    trade_type: 'MICROPAY',
    ...(o.tradeNo !== undefined && {
      transaction_id: o.tradeNo,
      openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      bank_type: 'OTHERS',
      cash_fee: String(o.amountFen),
    }),
    ...(o.paidAt !== undefined && { time_end: beijing(o.paidAt) }),
  };
}

export const MicropaySchema = z.object({
  body: z.string().min(1).max(127),
  out_trade_no: z.string().regex(/^[\x21-\x7e]{1,32}$/),
  total_fee: z.string().regex(/^[1-9]\d{0,9}$/),
  spbill_create_ip: z.string().min(1).max(64),
  auth_code: z.string().min(1).max(128),
});
export const RefSchema = z
  .object({
    out_trade_no: z.string().min(1).max(32).optional(),
    transaction_id: z.string().min(1).max(32).optional(),
  })
  .refine(
    (r) => r.out_trade_no !== undefined || r.transaction_id !== undefined,
    'out_trade_no or transaction_id',
  );
export const RefundSchema = z.intersection(
  RefSchema,
  z.object({
    out_refund_no: z.string().min(1).max(64),
    total_fee: z.string().regex(/^[1-9]\d{0,9}$/),
    refund_fee: z.string().regex(/^[1-9]\d{0,9}$/),
  }),
);

export function micropay(ctx: SandboxContext, b: z.infer<typeof MicropaySchema>): WxResult {
  const { book } = ctx;
  const old = book.find({ clientSn: b.out_trade_no });
  if (old) {
    // Same out_trade_no again (payments.md §1.6, §3 "Idempotency").
    if (old.wasPaid) return fail('ORDERPAID', '该订单已支付', orderFields(old));
    if (old.status === 'CANCELED') return fail('ORDERREVERSED', '订单已撤销');
    if (old.status === 'PAY_CANCELED') return fail('ORDERCLOSED', '订单已关闭');
    const same = old.authCode === b.auth_code && String(old.amountFen) === b.total_fee;
    return same
      ? fail('USERPAYING', '需要用户输入支付密码')
      : fail('INVALID_REQUEST', '参数与首次请求不一致');
  }
  if (classifyPaymentCode(b.auth_code) !== 'WECHAT')
    return fail('AUTH_CODE_INVALID', '请扫描微信支付授权码');
  const reused = book.consumeCode(b.auth_code);
  const behaviour = reused
    ? {
        kind: 'fail' as const,
        errorCode: 'INVALID_BARCODE',
        errorMessage: '101 每个二维码仅限使用一次，请刷新再试',
      }
    : scenarioForCode(b.auth_code).behaviour;
  const order = book.create(
    {
      clientSn: b.out_trade_no,
      protocol: 'wechat',
      channel: 'WECHAT',
      amountFen: Number(b.total_fee),
      authCode: b.auth_code,
      subject: b.body,
      operator: b.spbill_create_ip,
    },
    behaviour,
  );
  if (order.status === 'PAID')
    return { ...ok(orderFields(order)), lostReply: behaviour.kind === 'lostReply' };
  if (order.status === 'CREATED') return fail('USERPAYING', '需要用户输入支付密码');
  return fail(WX_CODE[order.errorCode ?? ''] ?? 'TRADE_ERROR', order.errorMessage ?? '支付失败');
}

const findRef = (ctx: SandboxContext, r: z.infer<typeof RefSchema>) =>
  // transaction_id wins when both are given (payments.md §1.7).
  r.transaction_id !== undefined
    ? ctx.book.find({ tradeNo: r.transaction_id })
    : ctx.book.find({ clientSn: r.out_trade_no ?? '' });

export function orderquery(ctx: SandboxContext, r: z.infer<typeof RefSchema>): WxResult {
  const order = findRef(ctx, r);
  if (
    ctx.faults.rateLimited(
      order?.clientSn ?? r.transaction_id ?? r.out_trade_no ?? '',
      ctx.book.now(),
    )
  ) {
    return fail('FREQUENCY_LIMITED', '频率限制');
  }
  if (!order) return fail('ORDERNOTEXIST', '此交易订单号不存在');
  return ok({
    ...orderFields(order),
    trade_state: tradeState(order),
    trade_state_desc: tradeState(order),
  });
}

export function reverse(ctx: SandboxContext, r: z.infer<typeof RefSchema>): WxResult {
  const order = findRef(ctx, r);
  if (!order) return fail('ORDERNOTEXIST', '此交易订单号不存在', { recall: 'N' });
  if (ctx.faults.take('retryCancel')) return fail('SYSTEMERROR', '系统错误', { recall: 'Y' });
  // 7777: the customer is still in the password dialog and completes now; WeChat refuses the reverse.
  if (ctx.book.racePay(order)) return fail('USERPAYING', '正在支付中不能发起撤销', { recall: 'N' });
  if (order.status === 'REFUNDED')
    return fail('TRADE_STATE_ERROR', '订单已全额退款', { recall: 'N' });
  ctx.book.cancel(order);
  return ok({ recall: 'N' });
}

export function refund(ctx: SandboxContext, r: z.infer<typeof RefundSchema>): WxResult {
  const order = findRef(ctx, r);
  if (!order) return fail('ORDERNOTEXIST', '此交易订单号不存在');
  if (r.total_fee !== String(order.amountFen))
    return fail('PARAM_ERROR', '订单金额与支付金额不一致');
  const res = ctx.book.refund(order, r.out_refund_no, Number(r.refund_fee));
  if (!res.ok) {
    const why = {
      NOT_PAID: '订单未支付',
      NOT_ENOUGH: '退款金额大于可退金额',
      CONFLICT: '退款单号重复且参数不一致',
    };
    return fail(res.reason === 'NOT_PAID' ? 'TRADE_STATE_ERROR' : 'PARAM_ERROR', why[res.reason]);
  }
  return ok({
    ...orderFields(order),
    out_refund_no: r.out_refund_no,
    refund_id: `50${order.tradeNo?.slice(2) ?? ''}`.slice(0, 32),
    refund_fee: r.refund_fee,
  });
}
