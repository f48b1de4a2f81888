import type { DocBlock, ReceiptDoc } from '../types';

const ruler = (n: number): string =>
  Array.from({ length: n }, (_, i) => String((i + 1) % 10)).join('');

/** A technician's test page: code pages, Chinese, the 32/42/48 rulers, QR, CODE128, cut. */
export function testPage(opts: { drawer: boolean; printer: string }): ReceiptDoc {
  const blocks: DocBlock[] = [
    { kind: 'text', text: '打印测试 TEST PAGE', align: 'center', bold: true, size: 'double' },
    { kind: 'text', text: `打印机 printer: ${opts.printer}`, align: 'left' },
    { kind: 'rule' },
    { kind: 'text', text: 'ASCII: !"#$%&\'()*+,-./0123456789:;<=>?@AZaz[]{}~' },
    { kind: 'text', text: '代码页 code page: ¥ £ ½ ß Ä ñ ¿ µ' },
    { kind: 'text', text: '中文 GB2312: 欢迎光临 谢谢惠顾 合计 找零' },
    { kind: 'text', text: '中文 GBK/GB18030: 鍀 㐀 𠀀 (后两字需 GB18030 字库)' },
    { kind: 'text', text: '全角符号: ，。！？（）×÷' },
    { kind: 'rule' },
    { kind: 'text', text: '32: ' },
    { kind: 'text', text: ruler(32) },
    { kind: 'text', text: '42: ' },
    { kind: 'text', text: ruler(42) },
    { kind: 'text', text: '48: ' },
    { kind: 'text', text: ruler(48) },
    {
      kind: 'text',
      text: '(完整一行不换行 = 该列宽 / a full line that does not wrap = that width)',
    },
    { kind: 'qr', data: 'https://till.example/测试', caption: 'QR 二维码' },
    { kind: 'barcode', data: 'TILL-TEST-123' },
    { kind: 'feed', lines: 3 },
  ];
  if (opts.drawer) blocks.push({ kind: 'drawer' });
  blocks.push({ kind: 'cut' });
  return { blocks };
}
