import { useTranslation } from 'react-i18next';
import type { RefundResult } from '../../../../shared/domain';
import { formatFen } from '../../../../shared/money';

/** What the cashier does now: hand back this much cash; this much goes back to the wallet. */
export function RefundSplit({ result }: { result: RefundResult }) {
  const { t } = useTranslation();
  return (
    <div className="refund-split" data-testid="refund-split">
      {result.cashBackFen > 0 ? (
        <p className="refund-cash">
          {t('refundMore.cashBack')}
          <strong className="num" data-testid="refund-cash-back">
            {formatFen(result.cashBackFen)}
          </strong>
        </p>
      ) : null}
      {result.walletBack.map((w, i) => (
        <p key={i} className="refund-wallet">
          {t('refundMore.walletBack', { method: t(`method.${w.method}`) })}
          <strong className="num">{formatFen(w.amountFen)}</strong>
          {w.state === 'REFUNDED' ? '' : t('refundMore.walletPending')}
        </p>
      ))}
    </div>
  );
}
