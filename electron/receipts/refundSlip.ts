import type { DocBlock, ReceiptDoc } from '../../printer';
import type { Payment, RefundSummary } from '../../shared/domain';
import { fenToYuanString } from '../../shared/money';
import type { RefundRow } from '../store/refunds';
import { METHOD_ZH } from './model';
import { sandboxMark } from './sandboxMark';

export interface RefundSlipInput {
  storeName: string;
  tillNo: string;
  orderId: string;
  printedAt: string;
  /** Who asked, and the supervisor who approved it on the cashier's screen. */
  by: string;
  approvedBy: string | null;
  reason: string;
  parts: { row: RefundRow; payment: Payment }[];
  summary: RefundSummary;
  sandbox: boolean;
}

const STATE_ZH: Record<RefundRow['state'], string> = {
  REFUNDED: '已退款',
  PENDING: '处理中',
  FAILED: '失败',
};

/** What goes back where: cash from the drawer now, wallet money the way it came. */
export function refundSplit(parts: { row: RefundRow; payment: Payment }[]) {
  const cashBackFen = parts
    .filter((x) => x.payment.method === 'CASH' && x.row.state === 'REFUNDED')
    .reduce((n, x) => n + x.row.amountFen, 0);
  const walletBack = parts
    .filter((x) => x.payment.method !== 'CASH')
    .map((x) => ({
      method: x.payment.method as 'WECHAT' | 'ALIPAY',
      amountFen: x.row.amountFen,
      state: x.row.state,
    }));
  return { cashBackFen, walletBack };
}

/** 退款单: the refund numbers the customer may ask the acquirer about, and what to hand back. */
export function buildRefundSlip(s: RefundSlipInput): ReceiptDoc {
  const { cashBackFen, walletBack } = refundSplit(s.parts);
  const blocks: DocBlock[] = [
    { kind: 'text', text: s.storeName, align: 'center', size: 'double', bold: true },
    { kind: 'text', text: '退款单 REFUND', align: 'center', bold: true },
    ...sandboxMark(s.sandbox, 'head'),
    { kind: 'rule' },
    { kind: 'pair', left: '订单：', right: s.orderId },
    { kind: 'pair', left: '时间：', right: s.printedAt },
    { kind: 'pair', left: `经办：${s.by}`, right: `款台：${s.tillNo}` },
  ];
  if (s.approvedBy) blocks.push({ kind: 'pair', left: '主管授权：', right: s.approvedBy });
  blocks.push({ kind: 'text', text: `原因：${s.reason}` }, { kind: 'rule', char: '-' });
  for (const { row, payment } of s.parts) {
    blocks.push(
      {
        kind: 'pair',
        left: `${METHOD_ZH[payment.method]} ${STATE_ZH[row.state]}`,
        right: fenToYuanString(row.amountFen),
        bold: true,
      },
      { kind: 'pair', left: '  退款单号', right: row.refundNo },
      { kind: 'pair', left: '  商户订单号', right: payment.merchantOrderNo },
    );
  }
  blocks.push({ kind: 'rule', char: '-' });
  if (cashBackFen > 0)
    blocks.push({
      kind: 'pair',
      left: '现金退还顾客',
      right: `¥${fenToYuanString(cashBackFen)}`,
      bold: true,
    });
  for (const w of walletBack)
    blocks.push({
      kind: 'pair',
      left: `原路退回${METHOD_ZH[w.method]}${w.state === 'REFUNDED' ? '' : `（${STATE_ZH[w.state]}）`}`,
      right: `¥${fenToYuanString(w.amountFen)}`,
    });
  blocks.push(
    { kind: 'pair', left: '本单已退', right: fenToYuanString(s.summary.refundedFen) },
    { kind: 'pair', left: '尚可退', right: fenToYuanString(s.summary.refundableFen) },
    { kind: 'feed', lines: 1 },
    { kind: 'text', text: '顾客签字：______________' },
    ...sandboxMark(s.sandbox, 'foot'),
    { kind: 'feed', lines: 3 },
    { kind: 'cut' },
  );
  return { blocks };
}
