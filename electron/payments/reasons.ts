/** The acquirer's reason in plain Chinese, with what the cashier should do next. */
const REASONS: Record<string, string> = {
  INSUFFICIENT_FUND: '顾客余额不足：请顾客更换银行卡或付款方式，刷新付款码后重新扫描。',
  EXPIRED_BARCODE: '付款码已过期：请顾客刷新付款码后重新扫描。',
  INVALID_BARCODE: '付款码无效：请顾客刷新付款码后重新扫描。',
  CODE_USED: '付款码已使用过：请顾客刷新付款码后重新扫描。',
  TRADE_TIMEOUT: '顾客未在规定时间内完成支付，交易已撤销：请重新扫码。',
  CANCELED_BY_CASHIER: '收银员取消，交易已撤销，顾客未被扣款。',
  REVERSED: '顾客未完成支付，交易已撤销，顾客未被扣款：请重新扫码。',
  REVERSED_REFUNDED:
    '顾客已付款，但交易已撤销，款项已原路退回顾客（到账以支付平台为准）：本单未收款，请重新扫码收款。',
  CONFIRMED_CLOSED: '支付平台确认该笔交易已关闭，顾客未被扣款：本单未收款。',
  NEEDS_MANUAL: '无法确认支付结果：请勿交付商品，请联系主管用商户订单号在商户管理平台查询。',
};

export function reasonText(code: string | undefined, gatewayMessage?: string): string {
  if (code && REASONS[code]) return REASONS[code];
  if (gatewayMessage) return `${gatewayMessage}：请顾客刷新付款码后重新扫描，或改用其他付款方式。`;
  return '支付失败：请顾客刷新付款码后重新扫描，或改用其他付款方式。';
}
