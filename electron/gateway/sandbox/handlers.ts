import { classifyPaymentCode } from '../../../shared/codes';
import type { UpayReply } from '../upay/wire';
import type { SandboxContext } from './exchange';
import type { OrderBook } from './orders';
import type { PayBody, RefBody, RefundBody } from './protocol';
import { bizReply } from './protocol';
import { scenarioForCode } from './scenarios';

const NOT_FOUND = { code: 'UPAY_ORDER_NOT_EXISTS', message: '订单不存在' };

/** What a handler decided; `lostReply` = scenario 3333, the reply is dropped after the charge. */
export interface UpayResult {
  reply: UpayReply;
  lostReply?: boolean;
}

/** /upay/v2/pay: B扫C with the channel taken from the code, behaviour from its last digits. */
export function handlePay(ctx: SandboxContext, body: PayBody): UpayResult {
  const book = ctx.book;
  if (book.hasClientSn(body.client_sn)) {
    // A failed or unknown order never lends its client_sn to a new attempt (payments.md §4).
    return {
      reply: bizReply('FAIL', undefined, { code: 'CLIENT_SN_CONFLICT', message: '商户订单号重复' }),
    };
  }
  const channel = classifyPaymentCode(body.dynamic_id);
  if (!channel) {
    return {
      reply: bizReply('PAY_FAIL', undefined, { code: 'INVALID_BARCODE', message: '无效的付款码' }),
    };
  }
  const input = {
    terminalSn: body.terminal_sn,
    clientSn: body.client_sn,
    protocol: 'upay' as const,
    channel,
    amountFen: Number(body.total_amount),
    authCode: body.dynamic_id,
    subject: body.subject,
    operator: body.operator,
  };
  const reused = book.consumeCode(body.dynamic_id);
  const behaviour = scenarioForCode(body.dynamic_id).behaviour;
  const order = book.create(
    input,
    reused
      ? // The wallet refuses a code it has already seen: each code pays once.
        {
          kind: 'fail',
          errorCode: 'INVALID_BARCODE',
          errorMessage: '付款码已使用，请刷新后重新出示',
        }
      : behaviour,
  );
  const lostReply = !reused && behaviour.kind === 'lostReply';
  if (order.status === 'PAID') return { reply: bizReply('PAY_SUCCESS', order), lostReply };
  if (order.status === 'CREATED') return { reply: bizReply('PAY_IN_PROGRESS', order) };
  return {
    reply: bizReply('PAY_FAIL', order, {
      code: order.errorCode ?? 'PAY_FAIL',
      message: order.errorMessage ?? '支付失败',
    }),
  };
}

function lookup(
  book: OrderBook,
  body: { sn?: string | undefined; client_sn?: string | undefined },
) {
  // sn wins when both are given: it is the platform's own key.
  return book.find(body.sn !== undefined ? { sn: body.sn } : { clientSn: body.client_sn ?? '' });
}

export function handleQuery(ctx: SandboxContext, body: RefBody): UpayResult {
  const order = lookup(ctx.book, body);
  return { reply: order ? bizReply('SUCCESS', order) : bizReply('FAIL', undefined, NOT_FOUND) };
}

/** /upay/v2/cancel: closes an unpaid order, refunds a paid one; repeating it is harmless. */
export function handleCancel(ctx: SandboxContext, body: RefBody): UpayResult {
  const order = lookup(ctx.book, body);
  if (!order) return { reply: bizReply('FAIL', undefined, NOT_FOUND) };
  if (ctx.faults.take('retryCancel')) return { reply: bizReply('CANCEL_IN_PROGRESS', order) };
  // 7777: the cancel tries to abort the payment in progress and fails — the customer's payment
  // completes ("撤单操作试图终止进行中的支付流程，但是失败", SQB resultCode.md). Not cancelled.
  if (ctx.book.racePay(order)) return { reply: bizReply('CANCEL_ABORT_ERROR', order) };
  ctx.book.cancel(order);
  return { reply: bizReply('CANCEL_SUCCESS', order) };
}

const REFUND_ERRORS = {
  NOT_PAID: { code: 'UPAY_REFUND_INVALID_ORDER_STATE', message: '订单状态不允许退款' },
  NOT_ENOUGH: { code: 'REFUNDABLE_AMOUNT_NOT_ENOUGH', message: '可退金额不足' },
  CONFLICT: { code: 'REFUND_REQUEST_NO_CONFLICT', message: '退款序列号重复且金额不一致' },
} as const;

/** /upay/v2/refund: idempotent by refund_request_no (SQB refund.md). */
export function handleRefund(ctx: SandboxContext, body: RefundBody): UpayResult {
  const order = lookup(ctx.book, body);
  if (!order) return { reply: bizReply('FAIL', undefined, NOT_FOUND) };
  const r = ctx.book.refund(order, body.refund_request_no, Number(body.refund_amount));
  return {
    reply: r.ok
      ? bizReply('REFUND_SUCCESS', order)
      : bizReply('REFUND_FAIL', order, REFUND_ERRORS[r.reason]),
  };
}
