import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../shared/money';
import { useTill } from '../state/react';
import { selectDue, selectPaid } from '../state/tender';

/** The amount due, big; during a split tender also what is paid and what is still due. */
export function TotalBox() {
  const { t } = useTranslation();
  const totalFen = useTill((s) => s.sale?.totalFen ?? 0);
  const itemCount = useTill((s) => s.sale?.itemCount ?? 0);
  const paid = useTill(selectPaid);
  const due = useTill(selectDue);
  const saved = useTill((s) => s.sale?.discountFen ?? 0);
  return (
    <div className={`total-box ${paid > 0 ? 'split' : ''}`}>
      <div className="total-label">{t('checkout.total')}</div>
      <div className="total-amount num" data-testid="total">
        {formatFen(totalFen)}
      </div>
      <div className="total-items">
        {t('checkout.items')}
        <strong className="num" data-testid="item-count">
          {t('checkout.itemsUnit', { count: itemCount })}
        </strong>
      </div>
      {saved > 0 ? (
        <div className="total-saved" data-testid="total-saved">
          {t('selling.saved')}
          <strong className="num">{formatFen(saved)}</strong>
        </div>
      ) : null}
      {paid > 0 ? (
        <div className="split-box" data-testid="split">
          <div className="split-row">
            <span>{t('checkout.paid')}</span>
            <strong className="num" data-testid="paid">
              {formatFen(paid)}
            </strong>
          </div>
          <div className="split-row due">
            <span>{t('checkout.due')}</span>
            <strong className="num" data-testid="due">
              {formatFen(due)}
            </strong>
          </div>
          <p className="split-note">{t('checkout.splitNote')}</p>
        </div>
      ) : null}
    </div>
  );
}
