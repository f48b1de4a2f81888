import type { DocBlock } from '../../printer';
import type { Sale, SaleLine } from '../../shared/domain';
import { fenToYuanString } from '../../shared/money';
import type { Discount } from '../../shared/selling/pricing';

/** Weight as a scale prints it: 0.523kg; worked out from a price label: ≈0.523kg. */
export function weightText(grams: number, derived: boolean): string {
  return `${derived ? '≈' : ''}${(grams / 1000).toFixed(3)}kg`;
}

/** 15 % off reads 八五折 to a Chinese shopper: 8.5折; an amount reads as it is. */
export function discountText(d: Discount): string {
  if (d.kind === 'amount') return '优惠';
  const zhe = (100 - d.value) / 10;
  return `${Number.isInteger(zhe) ? zhe : zhe.toFixed(1)}折`;
}

/** One goods line on paper: weighed goods show weight and unit price; a discount its own line. */
export function lineBlocks(l: SaleLine): DocBlock[] {
  const blocks: DocBlock[] =
    l.kind === 'weighed' && l.weightG !== null
      ? [
          {
            kind: 'item',
            name: l.name,
            qty: weightText(l.weightG, l.weightDerived),
            unitPrice: `${fenToYuanString(l.unitPriceFen)}/${l.unit}`,
            total: fenToYuanString(l.grossFen),
          },
        ]
      : [
          {
            kind: 'item',
            name: l.name,
            qty: String(l.qty),
            unitPrice: fenToYuanString(l.unitPriceFen),
            total: fenToYuanString(l.grossFen),
          },
        ];
  if (l.discountFen > 0 && l.discount) {
    blocks.push({
      kind: 'pair',
      left: `  折扣 ${discountText(l.discount)}`,
      right: `-${fenToYuanString(l.discountFen)}`,
    });
  }
  return blocks;
}

/** Before 合计: what the goods came to and every discount, when there was one. */
export function discountBlocks(sale: Sale): DocBlock[] {
  if (sale.discountFen <= 0) return [];
  const blocks: DocBlock[] = [
    { kind: 'pair', left: '商品金额', right: fenToYuanString(sale.subtotalFen) },
  ];
  if (sale.orderDiscountFen > 0 && sale.orderDiscount) {
    blocks.push({
      kind: 'pair',
      left: `整单折扣 ${discountText(sale.orderDiscount)}`,
      right: `-${fenToYuanString(sale.orderDiscountFen)}`,
    });
  }
  blocks.push({ kind: 'pair', left: '优惠合计', right: `-${fenToYuanString(sale.discountFen)}` });
  return blocks;
}
