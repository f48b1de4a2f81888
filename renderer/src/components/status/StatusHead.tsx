import { useTranslation } from 'react-i18next';
import type { Payment } from '../../../../shared/domain';
import { useNow } from '../../hooks';

const WAITING = new Set(['SUBMITTING', 'PENDING', 'QUERYING']);

function secondsLeft(p: Payment, now: number): number | null {
  if (!p.deadlineAt) return null;
  return Math.max(0, Math.ceil((Date.parse(p.deadlineAt) - now) / 1000));
}

/** The state in one big line, with a spinner while the till works and the customer's time left. */
export function StatusHead({ payment, busy }: { payment: Payment; busy: boolean }) {
  const { t } = useTranslation();
  const now = useNow();
  const left = WAITING.has(payment.state) ? secondsLeft(payment, now) : null;
  return (
    <>
      <div className="status-state" data-testid="payment-state">
        {busy ? <span className="spinner" aria-hidden="true" /> : null}
        <span>{t(`status.${payment.state}`)}</span>
      </div>
      {left !== null ? (
        <div className="status-countdown num" data-testid="seconds-left">
          {t('status.secondsLeft', { seconds: left })}
        </div>
      ) : null}
    </>
  );
}
