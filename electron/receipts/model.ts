import type { DocBlock, ReceiptDoc } from '../../printer';
import type { Payment, Sale } from '../../shared/domain';
import { fenToYuanString } from '../../shared/money';

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
  /** A reprint of another till's order says which till sold it and which one reprinted it. */
  originNote?: string;
}

const METHOD_ZH: Record<Payment['method'], string> = {
  WECHAT: '微信支付',
  ALIPAY: '支付宝',
  CASH: '现金',
};

/** The receipt as data: one model that both print.txt and the ESC/POS job are laid out from. */
export function buildReceiptDoc(r: ReceiptInput): ReceiptDoc {
  const { sale, payments } = r;
  const blocks: DocBlock[] = [
    { kind: 'text', text: r.storeName, align: 'center', size: 'double', bold: true },
    { kind: 'text', text: r.copy ? '*** 重打印 REPRINT ***' : '收银小票', align: 'center' },
    ...(r.originNote
      ? [{ kind: 'text' as const, text: r.originNote, align: 'center' as const }]
      : []),
    { kind: 'rule' },
    { kind: 'pair', left: `收银员：${r.cashier}`, right: `款台：${r.tillNo}` },
    { kind: 'pair', left: '时间：', right: r.printedAt },
    { kind: 'pair', left: '订单：', right: sale.orderId },
    { kind: 'rule' },
    { kind: 'text', text: '品名' },
    { kind: 'item', name: '', qty: '数量', unitPrice: '单价', total: '金额' },
    { kind: 'rule', char: '-' },
  ];
  for (const l of sale.lines) {
    blocks.push({
      kind: 'item',
      name: l.name,
      qty: String(l.qty),
      unitPrice: fenToYuanString(l.unitPriceFen),
      total: fenToYuanString(l.totalFen),
    });
  }
  blocks.push(
    { kind: 'rule', char: '-' },
    { kind: 'pair', left: `件数：${sale.itemCount}`, right: '' },
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
    { kind: 'feed', lines: 3 },
  );
  if (payments.some((p) => p.method === 'CASH') && !r.copy) blocks.push({ kind: 'drawer' });
  blocks.push({ kind: 'cut' });
  return { blocks };
}
