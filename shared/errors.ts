import type { ApiError } from './result';
import { SELLING_ERRORS } from './selling/errors';

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
  PRINTER_REFUSED: [
    'That address is not a printer: only shop-network printer IPs (port 9100), printer devices and serial ports; nothing was changed.',
    '这个地址不是打印机：只能用本店局域网内的打印机 IP（端口 9100）、打印机设备或串口，未做任何更改。',
  ],
  NOT_CONFIGURED: [
    'No payment gateway is set up yet, so the till takes no payments: a supervisor enters the acquirer details on the setup screen (F10).',
    '尚未配置支付网关，暂不能收款：请主管在设置页（F10）录入收单机构参数。',
  ],
  DISK_FULL: [
    'The disk is full, so the till could not save this; nothing was half-saved. Free disk space, then try again.',
    '磁盘已满，本次操作没有保存（也没有写一半）。请清理磁盘空间后重试。',
  ],
  STORE_READONLY: [
    'The data folder is read-only, so the till cannot save. Check the disk and the folder permissions.',
    '数据文件夹是只读的，无法保存。请检查磁盘和文件夹权限。',
  ],
  STORE_DAMAGED: [
    'The till store is damaged. Call the technician: run the store check and restore the latest backup.',
    '收银数据库已损坏。请联系技术人员检查数据库并用最近的备份恢复。',
  ],
  STORE_BUSY: [
    'Another program holds the till store; close it, then try again.',
    '收银数据库被其他程序占用，请关闭后重试。',
  ],
  STORE_IO: [
    'The disk reported an error while saving; check the disk, then try again.',
    '保存时磁盘报错，请检查磁盘后重试。',
  ],
  STORE_OFFLINE: [
    'The store database cannot be reached: orders of other tills cannot be found or refunded now. Selling goes on.',
    '无法连接门店数据库：暂时无法查询或退款其他款台的订单，本机收银不受影响。',
  ],
  ALREADY_REFUNDED: [
    'This order has already been refunded at a till of this store; it cannot be refunded twice.',
    '该订单已在本店款台退款，不能重复退款。',
  ],
  INTERNAL: ['Something went wrong in the till; nothing was charged twice.', '收银系统内部错误。'],
  ...SELLING_ERRORS,
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
