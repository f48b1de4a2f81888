import { useTranslation } from 'react-i18next';
import type { Payment } from '../../../shared/domain';
import { formatFen } from '../../../shared/money';

/** Done: every payment that paid this order, with its merchant order no. (and cash change). */
export function PaymentList({ payments }: { payments: readonly Payment[] }) {
  const { t } = useTranslation();
  return (
    <ul className="pay-list" data-testid="done-payments">
      {payments.map((p) => (
        <li key={p.paymentId} className="pay-item" data-method={p.method}>
          <div className="pay-item-head">
            <span className="method-tag">{t(`method.${p.method}`)}</span>
            <strong className="num pay-item-amount">{formatFen(p.amountFen)}</strong>
          </div>
          {p.receivedFen !== null ? (
            <div className="pay-item-cash num">
              {t('done.received')} {formatFen(p.receivedFen)}
              {'　'}
              {t('done.change')}{' '}
              <strong className="change" data-testid="done-change">
                {formatFen(p.changeFen ?? 0)}
              </strong>
            </div>
          ) : null}
          <dl className="pay-item-nos">
            <dt>{t('done.merchantOrderNo')}</dt>
            <dd className="num mono" data-testid="merchantOrderNo">
              {p.merchantOrderNo}
            </dd>
            {p.platformOrderNo ? (
              <>
                <dt>{t('done.platformOrderNo')}</dt>
                <dd className="num mono">{p.platformOrderNo}</dd>
              </>
            ) : null}
            {p.thirdPartyOrderNo ? (
              <>
                <dt>{t('done.thirdPartyOrderNo')}</dt>
                <dd className="num mono" data-testid="thirdPartyOrderNo">
                  {p.thirdPartyOrderNo}
                </dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}
