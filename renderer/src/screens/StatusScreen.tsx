import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentState } from '../../../shared/domain';
import { formatFen } from '../../../shared/money';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { KeyButton } from '../components/KeyButton';
import { ManualCase } from '../components/status/ManualCase';
import { StatusAdvice } from '../components/status/StatusAdvice';
import { StatusHead } from '../components/status/StatusHead';
import { useKeys } from '../hooks';
import { useActions, useTill } from '../state/react';
import { CANCELABLE } from '../state/slices/payment';

const TONE: Partial<Record<PaymentState, string>> = {
  FAILED: 'bad',
  REVERSED: 'ended',
  NEEDS_MANUAL: 'warn',
  PAID: 'ok',
};

/** Live payment state. While the outcome is open the only way off is a confirmed cancel. */
export function StatusScreen() {
  const { t } = useTranslation();
  const payment = useTill((s) => s.payment);
  const canceling = useTill((s) => s.payment !== null && s.canceling === s.payment.paymentId);
  const actions = useActions();
  const [confirming, setConfirming] = useState(false);
  const state = payment?.state;
  const ended = state === 'FAILED' || state === 'REVERSED';
  // Nobody could confirm it: the sale is parked for a supervisor and the till moves on — also
  // while the reconciler tries the case again (REVERSING for a moment).
  const saleParked = useTill(
    (s) => s.sale?.status === 'PARKED' && s.sale.orderId === s.payment?.orderId,
  );
  const parked = state === 'NEEDS_MANUAL' || (saleParked && state === 'REVERSING');
  const cancelable = state !== undefined && CANCELABLE.includes(state) && !canceling;
  const asking = confirming && cancelable; // the payment may end while the dialog is open
  const cancelNow = () => {
    setConfirming(false);
    void actions.cancelPayment();
  };

  useKeys((e) => {
    if (asking) {
      if (e.key === 'Enter') cancelNow();
      else if (e.key === 'Escape') setConfirming(false);
      else return;
    } else if ((ended || parked) && (e.key === 'F10' || e.key === 'F3'))
      void actions.openWizard('status'); // F10 as on the checkout; F3, the old key, still works
    else if (parked && e.key === 'Enter') void actions.newSale();
    else if (ended && e.key === 'F1') actions.goTo('wallet');
    else if (ended && e.key === 'F2') actions.goTo('cash');
    else if (ended && e.key === 'Escape') actions.goTo('checkout');
    else if (cancelable && e.key === 'Escape') setConfirming(true);
    else return;
    e.preventDefault();
  });

  if (!payment) return <main className="screen status" />;
  const tone = TONE[payment.state] ?? 'busy';

  return (
    <main className="screen status">
      <div className={`panel wide status-panel tone-${tone}`} data-state={payment.state}>
        <StatusHead payment={payment} busy={tone === 'busy'} />
        {parked ? <ManualCase payment={payment} /> : null}
        <dl className="facts">
          <dt>{t('status.channel')}</dt>
          <dd>{t(`method.${payment.method}`)}</dd>
          <dt>{t('status.amount')}</dt>
          <dd className="num strong status-amount" data-testid="status-amount">
            {formatFen(payment.amountFen)}
          </dd>
          <dt>{t('status.merchantOrderNo')}</dt>
          <dd className="num mono" data-testid="merchant-order-no">
            {payment.merchantOrderNo}
          </dd>
        </dl>
        <StatusAdvice payment={payment} canceling={canceling} />
        {cancelable ? (
          <div className="row-actions">
            <KeyButton
              keyCap="Esc"
              tone="danger"
              label={t('status.cancel')}
              onPress={() => setConfirming(true)}
            />
          </div>
        ) : null}
        {parked ? (
          <div className="row-actions">
            <KeyButton
              keyCap="F10"
              label={t('recovery.openShort')}
              onPress={() => void actions.openWizard('status')}
            />
            <KeyButton
              keyCap="Enter"
              tone="primary"
              label={t('manual.next')}
              onPress={() => void actions.newSale()}
            />
          </div>
        ) : null}
        {ended ? (
          <div className="row-actions">
            <KeyButton
              keyCap="F10"
              label={t('recovery.openShort')}
              onPress={() => void actions.openWizard('status')}
            />
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
      {asking ? (
        <ConfirmDialog
          message={t('status.confirmCancel')}
          yes={t('status.confirmCancelYes')}
          no={t('status.confirmCancelNo')}
          onYes={cancelNow}
          onNo={() => setConfirming(false)}
        />
      ) : null}
    </main>
  );
}
