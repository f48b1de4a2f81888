import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/money';
import { useKeys } from '../../hooks';
import { useActions } from '../../state/react';
import type { Wizard } from '../../state/types';
import { KeyButton } from '../KeyButton';

/**
 * The number is another till's order (found in the store database): that till took the money
 * and owns its payment, so nothing is synced, charged or attached here. A copy or a refund is
 * the supervisor's, from the supervisor screen (it finds the same number there).
 */
export function OtherTillStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const actions = useActions();
  const order = wizard.lookup?.order ?? null;
  const till = order?.origin?.tillNo ?? '?';
  useKeys((e) => {
    if (e.key !== 'F1') return;
    e.preventDefault();
    void actions.closeWizard();
  });
  return (
    <section className="rc-step" data-step="otherTill">
      <h2 className="rc-question warn" data-testid="rc-other-till">
        {t('origin.lookupTitle', { till })}
      </h2>
      {order ? (
        <dl className="rc-card">
          <dt>{t('origin.label')}</dt>
          <dd className="strong">{t('origin.value', { till })}</dd>
          <dt>{t('recovery.orderLabel')}</dt>
          <dd className="mono">{order.sale.orderId}</dd>
          <dt>{t('origin.lookupStatus')}</dt>
          <dd>
            {t(`orderStatus.${order.sale.status}`)} ·{' '}
            <strong className="num">{formatFen(order.sale.totalFen)}</strong>
          </dd>
          {order.payments.map((p) => (
            <dd key={p.paymentId}>
              {t(`method.${p.method}`)} {formatFen(p.amountFen)} ·{' '}
              <span className="mono">{p.merchantOrderNo}</span>
            </dd>
          ))}
        </dl>
      ) : null}
      <p className="rc-verdict" data-testid="rc-verdict">
        {t('origin.lookupText', { till })}
      </p>
      <div className="rc-actions">
        <KeyButton
          keyCap="F1"
          tone="primary"
          label={t('recovery.close')}
          onPress={() => void actions.closeWizard()}
        />
      </div>
    </section>
  );
}
