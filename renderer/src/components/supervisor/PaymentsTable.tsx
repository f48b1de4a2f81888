import { useTranslation } from 'react-i18next';
import type { Payment } from '../../../../shared/domain';
import { formatFen } from '../../../../shared/money';

/** Every attempt on the order, with the three order numbers a platform lookup needs. */
export function PaymentsTable({ payments }: { payments: readonly Payment[] }) {
  const { t } = useTranslation();
  if (payments.length === 0) return <p className="sv-empty">{t('supervisor.noPayments')}</p>;
  return (
    <table className="sv-table" data-testid="sv-payments">
      <thead>
        <tr>
          <th>{t('supervisor.colMethod')}</th>
          <th className="num">{t('supervisor.colAmount')}</th>
          <th>{t('supervisor.colState')}</th>
          <th>{t('supervisor.colNos')}</th>
        </tr>
      </thead>
      <tbody>
        {payments.map((p) => (
          <tr key={p.paymentId} data-state={p.state}>
            <td>{t(`method.${p.method}`)}</td>
            <td className="num strong">{formatFen(p.amountFen)}</td>
            <td>
              <span className={`state-chip state-${p.state}`}>{t(`payState.${p.state}`)}</span>
            </td>
            <td className="sv-nos">
              <div>
                <span className="no-label">{t('nos.merchant')}</span>
                <span className="num mono" data-testid="sv-merchant-no">
                  {p.merchantOrderNo}
                </span>
              </div>
              <div>
                <span className="no-label">{t('nos.platform')}</span>
                <span className="num mono">{p.platformOrderNo ?? '—'}</span>
              </div>
              <div>
                <span className="no-label">{t('nos.thirdParty')}</span>
                <span className="num mono">{p.thirdPartyOrderNo ?? '—'}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
