import { useTranslation } from 'react-i18next';
import type { GatewayFinding } from '../../../../shared/api/recovery';
import type { Payment } from '../../../../shared/domain';
import { formatFen } from '../../../../shared/money';
import { reasonFor } from '../../i18n/reasons';

/** A time as the cashier reads it: Beijing time, to the second. */
export const chinaTime = (iso: string | null): string =>
  iso
    ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
    : '—';

/** What the till itself holds about one wallet attempt. */
export function TillRecord({ payment }: { payment: Payment }) {
  const { t, i18n } = useTranslation();
  const reason = reasonFor(payment, i18n.language);
  return (
    <dl className="rc-facts" data-testid="rc-till-record">
      <dt>{t('status.channel')}</dt>
      <dd>{t(`method.${payment.method}`)}</dd>
      <dt>{t('status.amount')}</dt>
      <dd className="num strong">{formatFen(payment.amountFen)}</dd>
      <dt>{t('supervisor.colState')}</dt>
      <dd>
        <span className={`state-chip state-${payment.state}`}>
          {t(`payState.${payment.state}`)}
        </span>
      </dd>
      <dt>{t('done.merchantOrderNo')}</dt>
      <dd className="num mono">{payment.merchantOrderNo}</dd>
      {payment.platformOrderNo ? (
        <>
          <dt>{t('done.platformOrderNo')}</dt>
          <dd className="num mono">{payment.platformOrderNo}</dd>
        </>
      ) : null}
      {reason ? (
        <>
          <dt>{t('status.reason')}</dt>
          <dd>{reason}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** What the payment platform said just now, with the three numbers it knows. */
export function GatewayNow({ finding }: { finding: GatewayFinding }) {
  const { t } = useTranslation();
  return (
    <dl className="rc-facts" data-testid="rc-gateway" data-state={finding.state}>
      <dt>{t('supervisor.colState')}</dt>
      <dd>
        <span className={`gw-state gw-${finding.state}`}>{t(`recoveryGw.${finding.state}`)}</span>
        {finding.orderStatus ? <span className="gw-raw mono"> {finding.orderStatus}</span> : null}
      </dd>
      {finding.amountFen !== null ? (
        <>
          <dt>{t('status.amount')}</dt>
          <dd className="num strong">{formatFen(finding.amountFen)}</dd>
        </>
      ) : null}
      {finding.paidAt ? (
        <>
          <dt>{t('recovery.unknownTime')}</dt>
          <dd className="num">{chinaTime(finding.paidAt)}</dd>
        </>
      ) : null}
      {(
        [
          ['done.merchantOrderNo', finding.merchantOrderNo],
          ['done.platformOrderNo', finding.platformOrderNo],
          ['done.thirdPartyOrderNo', finding.thirdPartyOrderNo],
        ] as const
      ).map(([label, value]) =>
        value ? (
          <div className="rc-fact-row" key={label}>
            <dt>{t(label)}</dt>
            <dd className="num mono">{value}</dd>
          </div>
        ) : null,
      )}
      {finding.state === 'UNREACHABLE' && finding.errorCode ? (
        <>
          <dt>{t('status.reason')}</dt>
          <dd className="mono">{finding.errorCode}</dd>
        </>
      ) : null}
    </dl>
  );
}
