import type { DocBlock, ReceiptDoc } from '../../printer';
import type { Payment, Sale } from '../../shared/domain';
import { fenToYuanString } from '../../shared/money';
import { sandboxMark } from './sandboxMark';
import { discountBlocks, lineBlocks } from './lines';

export interface ReceiptInput {
  storeName: string;
  cashier: string;
  tillNo: string;
  sale: Sale;
  /** The order's PAID payments: one, or several for a split tender. */
  payments: Payment[];
  /** Printed time in China time, "2026-11-25 21:55:03". */
  printedAt: string;
  /** Reprints say so on paper, so a copy is never taken for a second sale. */
  copy?: boolean;
  /** Paid through the embedded sandbox: the paper says it is a test, not proof of payment. */
  sandbox?: boolean;
  /** A reprint of another till's order says which till sold it and which one reprinted it. */
  originNote?: string;
}

export const METHOD_ZH: Record<Payment['method'], string> = {
  WECHAT: '微信支付',
  ALIPAY: '支付宝',
  CASH: '现金',
};

/** The receipt as data: one model that both print.txt and the ESC/POS job are laid out from. */
export function buildReceiptDoc(r: ReceiptInput): ReceiptDoc {
  const { sale, payments } = r;
  const blocks: DocBlock[] = [
    { kind: 'text', text: r.storeName, align: 'center', size: 'double', bold: true },
    ...sandboxMark(r.sandbox ?? false, 'head'),
    { kind: 'text', text: r.copy ? '*** 重打印 REPRINT ***' : '收银小票', align: 'center' },
    ...(r.originNote
      ? [{ kind: 'text' as const, text: r.originNote, align: 'center' as const }]
      : []),
    { kind: 'rule' },
    { kind: 'pair', left: `收银员：${r.cashier}`, right: `款台：${r.tillNo}` },
    { kind: 'pair', left: '时间：', right: r.printedAt },
    { kind: 'pair', left: '订单：', right: sale.orderId },
    { kind: 'rule' },
    { kind: 'item', name: '品名', qty: '数量', unitPrice: '单价', total: '金额' },
    { kind: 'rule', char: '-' },
  ];
  for (const l of sale.lines) blocks.push(...lineBlocks(l));
  blocks.push(
    { kind: 'rule', char: '-' },
    { kind: 'pair', left: `件数：${sale.itemCount}`, right: '' },
    ...discountBlocks(sale),
    {
      kind: 'pair',
      left: '合计',
      right: `¥${fenToYuanString(sale.totalFen)}`,
      size: 'double',
      bold: true,
    },
  );
  for (const p of payments) {
    blocks.push({ kind: 'pair', left: METHOD_ZH[p.method], right: fenToYuanString(p.amountFen) });
    if (p.method === 'CASH') {
      blocks.push(
        { kind: 'pair', left: '  实收', right: fenToYuanString(p.receivedFen ?? p.amountFen) },
        { kind: 'pair', left: '  找零', right: fenToYuanString(p.changeFen ?? 0) },
      );
    }
  }
  blocks.push({ kind: 'rule' });
  for (const p of payments) {
    // A split tender names each payment's numbers, so the voucher lookup finds the right one.
    const tag = payments.length > 1 ? `${METHOD_ZH[p.method]} ` : '';
    blocks.push({ kind: 'pair', left: `${tag}商户订单号`, right: p.merchantOrderNo });
    if (p.platformOrderNo)
      blocks.push({ kind: 'pair', left: `${tag}平台订单号`, right: p.platformOrderNo });
    if (p.thirdPartyOrderNo)
      blocks.push({ kind: 'pair', left: `${tag}第三方订单号`, right: p.thirdPartyOrderNo });
  }
  // The voucher lookup (recovery flow) starts from the wallet payment's merchant order no.
  const key = payments.find((p) => p.method !== 'CASH') ?? payments[0];
  if (key)
    blocks.push({ kind: 'qr', data: key.merchantOrderNo, caption: '扫码查询订单 / 商户订单号' });
  blocks.push(
    { kind: 'text', text: '谢谢惠顾，欢迎再次光临！', align: 'center' },
    ...sandboxMark(r.sandbox ?? false, 'foot'),
    { kind: 'feed', lines: 3 },
  );
  // No drawer kick here: the drawer opens on its own when the cash is taken (receipts/drawer.ts),
  // never inside a receipt that may be sent again.
  blocks.push({ kind: 'cut' });
  return { blocks };
}
