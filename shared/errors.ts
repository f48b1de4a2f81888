import type { ApiError } from './result';

/** Every failure the cashier can see, with what happened and what to do next, in both languages. */
export const ERRORS = {
  BAD_REQUEST: ['The request was malformed.', '请求格式不正确。'],
  UNAUTHORIZED: ['Missing or wrong access token.', '访问令牌缺失或错误。'],
  UNKNOWN_CHANNEL: ['No such operation.', '没有这个操作。'],
  UNKNOWN_BARCODE: [
    'Unknown barcode: check the code or key it in again.',
    '条码不存在：请核对商品条码或重新输入。',
  ],
  BAD_BARCODE: ['That is not a valid product barcode.', '商品条码格式不正确。'],
  BAD_PAYMENT_CODE: [
    'Not a WeChat Pay or Alipay payment code: ask the customer to refresh and scan again.',
    '不是有效的微信或支付宝付款码：请顾客刷新付款码后重新扫描。',
  ],
  EMPTY_CART: ['The sale has no items.', '购物车为空，请先扫描商品。'],
  SALE_LOCKED: [
    'A payment is under way for this sale; wait for it to finish.',
    '该订单正在支付中，请等待支付结果。',
  ],
  CASH_TOO_LITTLE: ['Cash received is less than the total.', '实收现金少于应收金额。'],
  NOT_FOUND: ['Not found.', '未找到。'],
  REFUND_TOO_MUCH: [
    'The refund is more than what is left to refund on this order.',
    '退款金额超过该订单的可退金额。',
  ],
  GATEWAY: ['The payment gateway could not be reached.', '无法连接支付网关。'],
  PRINTER: ['The printer did not print.', '打印机未能打印。'],
  STORE_OFFLINE: [
    'The store database cannot be reached: orders of other tills cannot be found or refunded now. Selling goes on.',
    '无法连接门店数据库：暂时无法查询或退款其他款台的订单，本机收银不受影响。',
  ],
  ALREADY_REFUNDED: [
    'This order has already been refunded at a till of this store; it cannot be refunded twice.',
    '该订单已在本店款台退款，不能重复退款。',
  ],
  INTERNAL: ['Something went wrong in the till; nothing was charged twice.', '收银系统内部错误。'],
} as const satisfies Record<string, readonly [string, string]>;

export type ErrorCode = keyof typeof ERRORS;

/** A failure a service raises on purpose; the boundary turns it into an ApiError envelope. */
export class TillError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly field?: string,
    detail?: string,
  ) {
    super(detail ? `${ERRORS[code][0]} (${detail})` : ERRORS[code][0]);
    this.name = 'TillError';
  }

  toApiError(): ApiError {
    const error: ApiError = {
      code: this.code,
      message: this.message,
      messageZh: ERRORS[this.code][1],
    };
    if (this.field) error.field = this.field;
    return error;
  }
}

export function apiError(code: ErrorCode, field?: string): ApiError {
  return new TillError(code, field).toApiError();
}
