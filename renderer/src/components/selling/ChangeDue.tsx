import { useTranslation } from 'react-i18next';
import type { Payment } from '../../../../shared/domain';
import { formatFen } from '../../../../shared/money';

/** After cash: the change to hand back, the largest figure on the screen. */
export function ChangeDue({ payments }: { payments: readonly Payment[] }) {
  const { t } = useTranslation();
  const change = payments.reduce((n, p) => n + (p.changeFen ?? 0), 0);
  if (!payments.some((p) => p.method === 'CASH')) return null;
  return (
    <div className="change-due">
      <span>{t('done.change')}</span>
      <strong className="num" data-testid="change-due">
        {formatFen(change)}
      </strong>
    </div>
  );
}
