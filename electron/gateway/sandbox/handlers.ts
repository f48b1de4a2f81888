import { classifyPaymentCode } from '../../../shared/codes';
import type { UpayReply } from '../upay/wire';
import type { OrderBook } from './orders';
import type { PayBody, RefBody } from './protocol';
import { bizReply } from './protocol';
import { scenarioForCode } from './scenarios';

const NOT_FOUND = { code: 'UPAY_ORDER_NOT_EXISTS', message: '订单不存在' };

/** /upay/v2/pay: B扫C with the channel taken from the code, behaviour from its last digits. */
export function handlePay(book: OrderBook, body: PayBody): UpayReply {
  if (book.hasClientSn(body.client_sn)) {
    // A failed or unknown order never lends its client_sn to a new attempt (payments.md §4).
    return bizReply('FAIL', undefined, { code: 'CLIENT_SN_CONFLICT', message: '商户订单号重复' });
  }
  const channel = classifyPaymentCode(body.dynamic_id);
  if (!channel) {
    return bizReply('PAY_FAIL', undefined, { code: 'INVALID_BARCODE', message: '无效的付款码' });
  }
  const input = {
    clientSn: body.client_sn,
    channel,
    amountFen: Number(body.total_amount),
    authCode: body.dynamic_id,
    subject: body.subject,
    operator: body.operator,
  };
  const reused = book.consumeCode(body.dynamic_id);
  const order = book.create(
    input,
    reused
      ? // The wallet refuses a code it has already seen: each code pays once.
        {
          kind: 'fail',
          errorCode: 'INVALID_BARCODE',
          errorMessage: '付款码已使用，请刷新后重新出示',
        }
      : scenarioForCode(body.dynamic_id).behaviour,
  );
  if (order.status === 'PAID') return bizReply('PAY_SUCCESS', order);
  if (order.status === 'CREATED') return bizReply('PAY_IN_PROGRESS', order);
  return bizReply('PAY_FAIL', order, {
    code: order.errorCode ?? 'PAY_FAIL',
    message: order.errorMessage ?? '支付失败',
  });
}

function lookup(book: OrderBook, body: RefBody) {
  // sn wins when both are given: it is the platform's own key.
  return book.find(body.sn !== undefined ? { sn: body.sn } : { clientSn: body.client_sn ?? '' });
}

export function handleQuery(book: OrderBook, body: RefBody): UpayReply {
  const order = lookup(book, body);
  return order ? bizReply('SUCCESS', order) : bizReply('FAIL', undefined, NOT_FOUND);
}

/** /upay/v2/cancel: closes an unpaid order, refunds a paid one; repeating it is harmless. */
export function handleCancel(book: OrderBook, body: RefBody): UpayReply {
  const order = lookup(book, body);
  if (!order) return bizReply('FAIL', undefined, NOT_FOUND);
  book.cancel(order);
  return bizReply('CANCEL_SUCCESS', order);
}
