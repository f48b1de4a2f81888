import type { ReceiptDoc } from '../../printer/index';

export const COLUMNS = 48;
export const QR_DATA = 'https://fapiao.example.cn/扫码开票?no=T20260101-0042';
export const BARCODE = 'T20260101-0042';

export const ITEMS = [
  ['特级东北五常稻花香大米真空包装5kg', '1', '89.90'],
  ['农夫山泉天然矿泉水550ml×24瓶整箱装', '2', '29.90'],
  ['康师傅红烧牛肉面经典五连包', '3', '12.50'],
  ['蒙牛特仑苏纯牛奶250ml×12盒礼盒', '1', '65.00'],
  ['金龙鱼黄金比例食用调和油5L', '1', '79.90'],
  ['海天金标生抽酱油1.28L', '2', '15.80'],
  ['伊利安慕希希腊风味酸奶原味205g', '6', '5.50'],
  ['旺旺雪饼经济包520g', '1', '18.80'],
  ['维达超韧抽纸三层130抽×6包', '2', '23.90'],
  ['蓝月亮深层洁净洗衣液3kg瓶装', '1', '49.90'],
  ['三只松鼠每日坚果750g（30袋）', '1', '129.00'],
  ['青岛啤酒经典10度500ml×12听', '1', '59.90'],
] as const;

export const total = (qty: string, price: string): string =>
  (Number(qty) * Number(price)).toFixed(2);
export const GRAND = ITEMS.reduce((s, [, q, p]) => s + Number(q) * Number(p), 0).toFixed(2);

/** The standard receipt in our document model. */
export function ourDoc(): ReceiptDoc {
  return {
    blocks: [
      {
        kind: 'text',
        text: '好又多便利店（人民路店）',
        align: 'center',
        bold: true,
        size: 'double',
      },
      { kind: 'text', text: '上海市黄浦区人民路123号 电话 021-12345678', align: 'center' },
      { kind: 'rule' },
      ...ITEMS.map(([name, qty, price]) => ({
        kind: 'item' as const,
        name,
        qty,
        unitPrice: price,
        total: total(qty, price),
      })),
      { kind: 'rule' },
      { kind: 'pair', left: '合计', right: `¥${GRAND}`, bold: true },
      { kind: 'pair', left: '微信支付', right: `¥${GRAND}` },
      { kind: 'text', text: '谢谢惠顾，欢迎再次光临！', align: 'center' },
      { kind: 'qr', data: QR_DATA, caption: '扫码开具电子发票' },
      { kind: 'barcode', data: BARCODE },
      { kind: 'drawer' },
      { kind: 'cut' },
    ],
  };
}
