import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleLine } from '../../../shared/domain';
import { formatFen } from '../../../shared/money';
import { LineDetail, qtyText } from './selling/LineDetail';

interface Props {
  lines: SaleLine[];
  selected: number | null;
  onSelect(lineNo: number): void;
}

export function LinesTable({ lines, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const selectedRow = useRef<HTMLTableRowElement | null>(null);
  useEffect(() => {
    // Braces matter: newer Chromium returns a Promise here, which React would take for a cleanup.
    void selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [selected, lines]);
  if (lines.length === 0) {
    return <div className="lines-empty">{t('checkout.empty')}</div>;
  }
  return (
    <div className="lines-scroll">
      <table className="lines-table">
        <thead>
          <tr>
            <th className="col-no">{t('checkout.colNo')}</th>
            <th className="col-name">{t('checkout.colName')}</th>
            <th className="num">{t('checkout.colQty')}</th>
            <th className="num">{t('checkout.colPrice')}</th>
            <th className="num">{t('checkout.colTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => {
            const isSel = l.lineNo === selected;
            return (
              <tr
                key={l.lineNo}
                ref={isSel ? selectedRow : undefined}
                className={isSel ? 'selected' : undefined}
                aria-selected={isSel}
                data-barcode={l.barcode}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onSelect(l.lineNo)}
              >
                <td className="col-no num">{i + 1}</td>
                <td className="col-name">
                  <div className="line-name">{l.name}</div>
                  <LineDetail line={l} />
                </td>
                <td className="num qty">{qtyText(l)}</td>
                <td className="num">{formatFen(l.unitPriceFen)}</td>
                <td className="num line-total">{formatFen(l.totalFen)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
