import { useTranslation } from 'react-i18next';
import type { RefundResult } from '../../../../shared/domain';
import { formatFen } from '../../../../shared/money';

/** Refund rows as the host answered them: PENDING / REFUNDED / FAILED, with the refund no. */
export function RefundList({ refunds }: { refunds: RefundResult['refunds'] }) {
  const { t } = useTranslation();
  return (
    <ul className="refund-list" data-testid="refund-list">
      {refunds.map((r) => (
        <li key={r.refundNo} data-state={r.state}>
          <span className={`state-chip refund-${r.state}`} data-testid="refund-state">
            {t(`refund.${r.state}`)}
          </span>
          <strong className="num">{formatFen(r.amountFen)}</strong>
          <span className="num mono refund-no">{r.refundNo}</span>
          {r.errorCode ? <span className="refund-error">{r.errorCode}</span> : null}
        </li>
      ))}
    </ul>
  );
}
