import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../shared/domain';
import { formatFen } from '../../../../shared/money';
import { LinesTable } from '../LinesTable';

const noop = () => undefined;

/** The order found: id, status, total, time. */
export function OrderFacts({ detail }: { detail: OrderDetail }) {
  const { t } = useTranslation();
  const { sale } = detail;
  return (
    <dl className="sv-facts">
      <dt>{t('supervisor.orderId')}</dt>
      <dd className="num mono" data-testid="sv-order-id">
        {sale.orderId}
      </dd>
      <dt>{t('supervisor.status')}</dt>
      <dd>
        <span className={`state-chip order-${sale.status}`} data-testid="sv-order-status">
          {t(`orderStatus.${sale.status}`)}
        </span>
      </dd>
      <dt>{t('checkout.total')}</dt>
      <dd className="num strong">{formatFen(sale.totalFen)}</dd>
      <dt>{t('supervisor.createdAt')}</dt>
      <dd className="num">{new Date(sale.createdAt).toLocaleString('zh-CN')}</dd>
      {sale.status === 'PAID' ? (
        <>
          <dt>{t('supervisor.refund')}</dt>
          <dd data-testid="sv-refund-state">
            <span className={`state-chip refund-${detail.refund.state}`}>
              {t(`refundMore.state.${detail.refund.state}`)}
            </span>
            {detail.refund.state !== 'NONE'
              ? ` ${t('refundMore.refunded')} ${formatFen(detail.refund.refundedFen)}`
              : ''}
          </dd>
          <dt>{t('refundMore.refundable')}</dt>
          <dd className="num strong" data-testid="sv-refundable">
            {formatFen(detail.refund.refundableFen)}
          </dd>
        </>
      ) : null}
      {detail.origin ? (
        <>
          <dt>{t('origin.label')}</dt>
          <dd className="strong" data-testid="sv-origin">
            {t('origin.value', { till: detail.origin.tillNo })}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** Its lines, compact: the supervisor reads payments first. */
export function OrderLines({ detail }: { detail: OrderDetail }) {
  return (
    <section className="sv-card">
      <LinesTable lines={detail.sale.lines} selected={null} onSelect={noop} />
    </section>
  );
}
