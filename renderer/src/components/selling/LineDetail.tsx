import { useTranslation } from 'react-i18next';
import type { SaleLine } from '../../../../shared/domain';
import { formatFen } from '../../../../shared/money';

/** Weight as the scale shows it: 0.523kg; worked out from a price label: ≈0.523kg. */
export const weightText = (l: Pick<SaleLine, 'weightG' | 'weightDerived'>): string =>
  l.weightG === null ? '' : `${l.weightDerived ? '≈' : ''}${(l.weightG / 1000).toFixed(3)}kg`;

/** 15 % off reads 8.5折; an amount off reads as the amount. */
export function ruleText(d: SaleLine['discount']): string {
  if (!d) return '';
  if (d.kind === 'amount') return formatFen(d.value);
  const zhe = (100 - d.value) / 10;
  return `${Number.isInteger(zhe) ? zhe : zhe.toFixed(1)}折`;
}

/** Under a line's name: its code, or its weight and price per unit, and its discount. */
export function LineDetail({ line }: { line: SaleLine }) {
  const { t } = useTranslation();
  const code =
    line.kind === 'weighed' && line.weightG !== null
      ? t('selling.weight', {
          weight: weightText(line),
          price: formatFen(line.unitPriceFen),
          unit: line.unit,
        })
      : line.kind === 'open'
        ? t('selling.noBarcode')
        : line.barcode;
  return (
    <>
      <div className="line-barcode">{code}</div>
      {line.discountFen > 0 ? (
        <div className="line-discount" data-testid="line-discount">
          {t('selling.lineDiscount', {
            rule: ruleText(line.discount),
            fen: formatFen(line.discountFen),
          })}
        </div>
      ) : null}
    </>
  );
}

/** The quantity column: pieces, or the weight for weighed goods. */
export const qtyText = (line: SaleLine): string =>
  line.kind === 'weighed' && line.weightG !== null ? weightText(line) : String(line.qty);
