/** What selling refuses (issue 11), in English and Chinese; spread into shared/errors.ts. */
export const SELLING_ERRORS = {
  BAD_CHECK_DIGIT: [
    "The barcode's check digit is wrong: scan it again.",
    '条码校验位不对，可能没扫准：请重新扫描。',
  ],
  PRODUCT_INACTIVE: ['This product is not on sale.', '该商品已停售，不能销售。'],
  QTY_LIMIT: ['That quantity is over the limit for one line.', '数量超出单行上限，请核对数量。'],
  SALE_LIMIT: [
    'The sale is over its limit (lines or amount).',
    '本单商品行数或金额超出上限，请分单结算。',
  ],
  BAD_SCALE_CODE: [
    'The scale label does not read right: scan it again or weigh again.',
    '称重条码校验不对：请重新扫描，或重新称重打印标签。',
  ],
  UNKNOWN_PLU: [
    "No product has this scale label's PLU.",
    '称重条码上的商品编号（PLU）在商品库中不存在。',
  ],
  NOT_WEIGHED: ['This product is not sold by weight.', '该商品不是称重商品，不能按重量销售。'],
  WEIGHED_QTY: [
    "A weighed item's quantity cannot be changed: weigh it again.",
    '称重商品不能修改数量，请重新称重。',
  ],
  DISCOUNT_TOO_MUCH: ['The discount is more than the amount.', '折扣不能超过商品金额。'],
  CANNOT_HOLD: ['A sale with a payment cannot be held.', '该订单已有付款或正在付款，不能挂单。'],
  CART_NOT_EMPTY: ['Hold or clear the current sale first.', '请先挂单或清空当前购物车，再取单。'],
  HOLD_LIMIT: ['Too many held sales: recall one first.', '挂单已满，请先取回一单。'],
  VIEW_ONLY: [
    'The customer display may only show the sale, not change it.',
    '客显页面只能查看，不能操作收银。',
  ],
} as const satisfies Record<string, readonly [string, string]>;
