import { useTranslation } from 'react-i18next';
import type { Payment } from '../../../../shared/domain';

/** NEEDS_MANUAL: the number the supervisor types into the merchant platform, big and alone. */
export function ManualCase({ payment }: { payment: Payment }) {
  const { t } = useTranslation();
  return (
    <div className="manual-case">
      <div className="manual-label">{t('status.manualNoLabel')}</div>
      <div className="manual-no num mono" data-testid="manual-merchant-order-no">
        {payment.merchantOrderNo}
      </div>
      <p className="manual-steps">{t('status.manualSteps')}</p>
      <p className="manual-parked strong" data-testid="manual-parked">
        {t('manual.parked')}
      </p>
      <p className="manual-background">
        <span className="pulse" aria-hidden="true" />
        {t('status.manualBackground')}
      </p>
    </div>
  );
}
