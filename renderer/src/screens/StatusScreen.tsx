import { useTranslation } from 'react-i18next';
import type { Payment } from '../../../shared/domain';
import { formatFen } from '../../../shared/money';
import { KeyButton } from '../components/KeyButton';
import { useKeys, useNow } from '../hooks';
import { useActions, useTill } from '../state/react';

const WAITING = new Set(['PENDING', 'QUERYING']);
const ENDED = new Set(['FAILED', 'REVERSED']);

function secondsLeft(p: Payment, now: number): number | null {
  if (!p.deadlineAt) return null;
  return Math.max(0, Math.ceil((Date.parse(p.deadlineAt) - now) / 1000));
}

/** Live payment state. While the outcome is open there is no way off this screen. */
export function StatusScreen() {
  const { t } = useTranslation();
  const payment = useTill((s) => s.payment);
  const actions = useActions();
  const now = useNow();
  const ended = payment !== null && ENDED.has(payment.state);

  useKeys((e) => {
    if (!ended) return; // a payment in flight is never just "forgotten"
    if (e.key === 'F1') actions.goTo('wallet');
    else if (e.key === 'F2') actions.goTo('cash');
    else if (e.key === 'Escape') actions.goTo('checkout');
    else return;
    e.preventDefault();
  });

  if (!payment) return <main className="screen status" />;
  const left = WAITING.has(payment.state) ? secondsLeft(payment, now) : null;
  const tone = ended ? 'bad' : payment.state === 'NEEDS_MANUAL' ? 'warn' : 'busy';

  return (
    <main className="screen status">
      <div className={`panel wide status-panel tone-${tone}`} data-state={payment.state}>
        <div className="status-state" data-testid="payment-state">
          {tone === 'busy' ? <span className="spinner" aria-hidden="true" /> : null}
          {t(`status.${payment.state}`)}
        </div>
        {left !== null ? (
          <div className="status-countdown num" data-testid="seconds-left">
            {t('status.secondsLeft', { seconds: left })}
          </div>
        ) : null}
        <dl className="facts">
          <dt>{t('status.channel')}</dt>
          <dd>{t(`method.${payment.method}`)}</dd>
          <dt>{t('status.amount')}</dt>
          <dd className="num strong">{formatFen(payment.amountFen)}</dd>
          <dt>{t('status.merchantOrderNo')}</dt>
          <dd className="num mono" data-testid="merchant-order-no">
            {payment.merchantOrderNo}
          </dd>
        </dl>
        {ended ? (
          <div className="status-advice">
            {payment.reasonText ? (
              <p className="reason">
                {t('status.reason')}
                {payment.reasonText}
              </p>
            ) : null}
            <p>{t('status.whatNow')}</p>
          </div>
        ) : null}
        {payment.state === 'NEEDS_MANUAL' ? (
          <div className="status-advice">
            {payment.reasonText ? <p className="reason">{payment.reasonText}</p> : null}
            <p className="manual">{t('status.manual')}</p>
          </div>
        ) : null}
        {tone === 'busy' ? <p className="status-note">{t('status.noLeave')}</p> : null}
        {ended ? (
          <div className="row-actions">
            <KeyButton
              keyCap="Esc"
              label={t('status.back')}
              onPress={() => actions.goTo('checkout')}
            />
            <KeyButton
              keyCap="F2"
              tone="cash"
              label={t('status.cash')}
              onPress={() => actions.goTo('cash')}
            />
            <KeyButton
              keyCap="F1"
              tone="primary"
              label={t('status.rescan')}
              onPress={() => actions.goTo('wallet')}
            />
          </div>
        ) : null}
      </div>
    </main>
  );
}
