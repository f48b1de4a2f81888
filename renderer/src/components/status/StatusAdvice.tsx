import { useTranslation } from 'react-i18next';
import type { Payment } from '../../../../shared/domain';
import { reasonFor } from '../../i18n/reasons';

interface Props {
  payment: Payment;
  canceling: boolean;
}

/** What happened and what to do next, for the state on screen. */
export function StatusAdvice({ payment, canceling }: Props) {
  const { t, i18n } = useTranslation();
  const reason = reasonFor(payment, i18n.language);
  switch (payment.state) {
    case 'FAILED':
    case 'REVERSED':
      return (
        <div className="status-advice" data-testid="status-advice">
          {reason ? (
            <p className="reason">
              {t('status.reason')}
              {reason}
            </p>
          ) : null}
          <p>{t('status.whatNow')}</p>
        </div>
      );
    case 'REVERSING':
      return <p className="status-note strong">{t('status.reversingNote')}</p>;
    case 'NEEDS_MANUAL':
    case 'PAID':
      return null;
    default:
      return (
        <p className={`status-note ${canceling ? 'strong' : ''}`} data-testid="status-note">
          {canceling ? t('status.cancelRequested') : t('status.noLeave')}
        </p>
      );
  }
}
