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
  // Recovery flow (issue 7).
  BAD_NUMBER: [
    'That is not an order number: type or scan the number on the receipt or the voucher (digits and letters).',
    '号码格式不正确：请输入或扫描小票、付款凭证上的订单号（数字和字母）。',
  ],
  LOOKUP_NOT_FOUND: [
    "Found neither on this till nor at the payment platform: check the number (the receipt's merchant order no., or the 商户单号 on the customer's voucher).",
    '本机和支付平台都没有找到这个号码：请核对号码（小票上的商户订单号，或顾客付款凭证上的商户单号）。',
  ],
  LOOKUP_THIRD_PARTY: [
    "That is a WeChat/Alipay transaction no.: the platform can be asked by it only once it has received the channel's success. Search by the 商户单号 on the voucher instead.",
    '这是第三方订单号（微信交易单号 / 支付宝订单号）：支付平台收到渠道的支付成功结果后才能用它查询。请改用凭证上的商户单号查询。',
  ],
  LOOKUP_GATEWAY_DOWN: [
    'The payment platform did not answer, and this till has no record of that number: try again in a moment.',
    '支付平台无应答，本机也没有这个号码的记录：请稍后再查询。',
  ],
  NOT_A_WALLET_PAYMENT: ['A cash payment has nothing to sync.', '现金付款无需同步。'],
  NOT_PAID_AT_GATEWAY: [
    'The payment platform does not show that order as paid.',
    '支付平台显示该订单未支付。',
  ],
  AMOUNT_MISMATCH: [
    'The amount paid at the platform is not what this sale still owes: record it as an unmatched payment to refund instead.',
    '平台上的支付金额与本单待付金额不一致，不能关联：请改为记录无主支付待退款。',
  ],
  ALREADY_RECORDED: [
    'That payment is already recorded on this till.',
    '该笔支付已在本机记录，不能重复关联或登记。',
  ],
  OTHER_TILL_PAYMENT: [
    'That payment belongs to an order of another till of this store: it cannot be attached or recorded here. A supervisor reprints or refunds it from the supervisor screen.',
    '这笔支付属于本店其他款台的订单，不能在本机关联或登记。需要重打或退款，请主管在主管界面查找。',
  ],
  CASE_NOT_CLOSABLE: [
    'The payment platform has not confirmed that nothing was taken: query again, or refund what was paid first.',
    '支付平台尚未确认未扣款：请先重新查询，或先退还已付款项。',
  ],
  CASE_RESOLVED: ['This case is already resolved.', '该异常单已处理完毕。'],
  NOTHING_TO_PARK: [
    'Only a sale with part of it paid is parked here.',
    '只有已部分付款的订单可以在此挂起。',
  ],
  PRINTER: ['The printer did not print.', '打印机未能打印。'],
  FORBIDDEN: ['You may not do this.', '无权进行此操作。'],
  SETUP_REQUIRED: [
    'Create the first supervisor before the till can be used.',
    '请先创建主管账号，收银台才能使用。',
  ],
  BAD_PIN: ['Wrong staff number or PIN.', '工号或密码错误。'],
  LOCKED: [
    'Too many wrong PINs: this staff number is locked for 5 minutes.',
    '密码错误次数过多，该工号已锁定 5 分钟，请稍后再试。',
  ],
  USER_DISABLED: ['This staff number is disabled: ask a supervisor.', '该工号已停用，请联系主管。'],
  NOT_SUPERVISOR: ['Only a supervisor can approve this.', '只有主管可以授权此操作。'],
  USER_EXISTS: ['That staff number is already taken.', '该工号已存在。'],
  LAST_SUPERVISOR: [
    'The last active supervisor cannot be disabled.',
    '至少要保留一名在用的主管，不能停用。',
  ],
  NO_SHIFT: [
    'No shift is open: open one with the cash float first.',
    '尚未开班：请先输入备用金开班。',
  ],
  SHIFT_OPEN: ['A shift is already open on this till.', '本机已有未交班的班次。'],
  SHIFT_CLOSING: [
    'The shift is being closed: finish the count or cancel it first.',
    '正在交班点款：请先完成交班或取消交班。',
  ],
  SHIFT_UNRESOLVED: [
    'Payments are still unresolved: resolve them, or a supervisor approves carrying them over.',
    '还有未完成的支付：请先处理，或由主管授权结转到下一班。',
  ],
  REFUND_REQUEST_REUSED: [
    'This refund request was already made for another amount: start a new refund.',
    '该退款请求已按其他金额提交过：请关闭后重新发起退款。',
  ],
  PRINTER_REFUSED: [
    'That address is not a printer: only shop-network printer IPs (port 9100), printer devices and serial ports; nothing was changed.',
    '这个地址不是打印机：只能用本店局域网内的打印机 IP（端口 9100）、打印机设备或串口，未做任何更改。',
  ],
  NOT_CONFIGURED: [
    'No payment gateway is set up yet, so the till takes no payments: a supervisor signs in and enters the acquirer details on the setup screen (F1).',
    '尚未配置支付网关，暂不能收款：请主管登录后按 F1 进入收款设置，录入收单机构参数。',
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
