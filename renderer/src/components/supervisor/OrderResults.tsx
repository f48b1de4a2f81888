import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/money';
import { keepFocus } from '../../hooks';
import { useActions, useTill } from '../../state/react';

/** Today's orders (or the filtered ones), newest first; a tap opens one. */
export function OrderResults({ selected }: { selected: number }) {
  const { t } = useTranslation();
  const results = useTill((s) => s.results);
  const actions = useActions();
  if (results.length === 0) return <p className="sv-empty">{t('search.none')}</p>;
  return (
    <div className="sv-scroll">
      <table className="data-table results-table" data-testid="sv-results">
        <thead>
          <tr>
            <th>{t('search.colTime')}</th>
            <th>{t('search.colOrder')}</th>
            <th>{t('search.colAmount')}</th>
            <th>{t('search.colMethod')}</th>
            <th>{t('search.colState')}</th>
            <th>{t('search.colCashier')}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((o, i) => (
            <tr
              key={`${o.origin?.tillNo ?? ''}:${o.orderId}`}
              className={i === selected ? 'selected' : ''}
              onMouseDown={keepFocus}
              onClick={() => void actions.findOrder(o.orderId)}
              data-order={o.orderId}
            >
              <td className="num">{new Date(o.createdAt).toLocaleTimeString('zh-CN')}</td>
              <td className="num mono">
                …{(o.payments.at(-1)?.merchantOrderNo ?? o.orderId).slice(-8)}
              </td>
              <td className="num strong">{formatFen(o.totalFen)}</td>
              <td>
                {[
                  ...new Set(
                    o.payments
                      .filter((p) => p.state === 'PAID')
                      .map((p) => t(`method.${p.method}`)),
                  ),
                ].join(' + ')}
              </td>
              <td>
                <span className={`state-chip search-${o.state}`}>
                  {t(`search.state.${o.state}`)}
                </span>
              </td>
              <td>
                {o.cashierName}
                {o.origin ? (
                  <span className="state-chip" data-testid="sv-result-origin">
                    {t('origin.value', { till: o.origin.tillNo })}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
