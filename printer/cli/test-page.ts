import type { ChineseFont } from '../profiles';
import type { DocBlock, ReceiptDoc } from '../types';

const ruler = (n: number): string =>
  Array.from({ length: n }, (_, i) => String((i + 1) % 10)).join('');

/** Sample characters each font holds beyond the one before it. */
const FONT_SAMPLES: Record<ChineseFont, string> = {
  GB2312: '欢迎光临 谢谢惠顾 合计 找零',
  GBK: '鍀 堃 镕 (GBK)',
  GB18030: '㐀 㑇 (GB18030 扩展A)',
};

/**
 * A technician's test page: code pages, Chinese for the profile's font, a ruler for every
 * standard width that fits the paper (a wider one would wrap and prove nothing), QR, CODE128.
 * The drawer is not on the page: it is tested on its own, as at a sale.
 */
export function testPage(opts: {
  printer: string;
  columns: number;
  font?: ChineseFont;
}): ReceiptDoc {
  const font = opts.font ?? 'GB18030';
  const fonts: ChineseFont[] =
    font === 'GB2312'
      ? ['GB2312']
      : font === 'GBK'
        ? ['GB2312', 'GBK']
        : ['GB2312', 'GBK', 'GB18030'];
  const blocks: DocBlock[] = [
    { kind: 'text', text: '打印测试 TEST PAGE', align: 'center', bold: true, size: 'double' },
    { kind: 'text', text: `打印机 printer: ${opts.printer}`, align: 'left' },
    { kind: 'text', text: `字库 font: ${font}, ${opts.columns} 列 columns` },
    { kind: 'rule' },
    { kind: 'text', text: 'ASCII: !"#$%&\'()*+,-./0123456789:;<=>?@AZaz[]{}~' },
    { kind: 'text', text: '代码页 code page: £ ½ ß Ä ñ ¿ µ  人民币 ¥' },
    ...fonts.map((f): DocBlock => ({ kind: 'text', text: `中文 ${f}: ${FONT_SAMPLES[f]}` })),
    { kind: 'text', text: '字库外 outside the font → □: 😀 𠀀' },
    { kind: 'text', text: '全角符号: ，。！？（）×÷' },
    { kind: 'rule' },
  ];
  for (const n of [32, 42, 48].filter((w) => w <= opts.columns)) {
    blocks.push({ kind: 'text', text: `${n}:` }, { kind: 'text', text: ruler(n) });
  }
  blocks.push(
    {
      kind: 'text',
      text: '(完整一行不换行 = 该列宽 / a full line that does not wrap = that width)',
    },
    { kind: 'qr', data: 'https://till.example/测试', caption: 'QR 二维码' },
    { kind: 'barcode', data: 'TILL-TEST-123' },
    { kind: 'feed', lines: 3 },
    { kind: 'cut' },
  );
  return { blocks };
}
