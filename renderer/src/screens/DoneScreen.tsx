import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../shared/money';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DrawerNotice } from '../components/DrawerNotice';
import { KeyButton } from '../components/KeyButton';
import { JobPaper } from '../components/paper/JobPaper';
import { PaymentList } from '../components/PaymentList';
import { ChangeDue } from '../components/selling/ChangeDue';
import { PrintFailure } from '../components/PrintFailure';
import { PrintStatus } from '../components/PrintStatus';
import { useKeys } from '../hooks';
import { isFailed, willResume } from '../state/printing';
import { useActions, useTill } from '../state/react';
import { paidFen } from '../state/tender';

/** Paid: each payment with its numbers, the print state, and the receipt itself. */
export function DoneScreen() {
  const { t } = useTranslation();
  const payment = useTill((s) => s.payment);
  const orderPayments = useTill((s) => s.orderPayments);
  const tenderOrderId = useTill((s) => s.tenderOrderId);
  const receipt = useTill((s) => s.receipt);
  const printJob = useTill((s) => s.printJob);
  const retrying = useTill((s) => s.retrying);
  const drawerFailed = useTill((s) => s.drawer?.ok === false && !s.drawerBusy);
  const actions = useActions();
  const [confirming, setConfirming] = useState(false);
  const canRetry = isFailed(printJob) && !willResume(printJob) && !retrying;
  // The receipt is not confirmed printed (any state but PRINTED): the recovery flow is offered.
  const unconfirmed = printJob?.state !== 'PRINTED';
  const retryNow = () => {
    setConfirming(false);
    void actions.retryPrint();
  };

  useKeys((e) => {
    if (confirming) {
      if (e.key === 'Enter') retryNow();
      else if (e.key === 'Escape') setConfirming(false);
      else return;
    } else if (e.key === 'Enter') void actions.newSale();
    else if (e.key === 'F5' && canRetry) setConfirming(true);
    else if (e.key === 'F7' && drawerFailed) void actions.retryDrawer();
    // F10 as on the checkout (F3, the old key, still works).
    else if ((e.key === 'F10' || e.key === 'F3') && unconfirmed) void actions.openWizard('done');
    else return;
    e.preventDefault();
  });

  if (!payment) return <main className="screen done" />;
  const listed = tenderOrderId === payment.orderId ? orderPayments : [];
  const paid = listed.filter((p) => p.state === 'PAID');
  const payments = paid.some((p) => p.paymentId === payment.paymentId) ? paid : [...paid, payment];

  return (
    <main className="screen done">
      <section className="done-left">
        <div className="done-banner">
          <span className="done-check" aria-hidden="true">
            ✓
          </span>
          <h1 data-testid="done-title">{t('done.title')}</h1>
        </div>
        <ChangeDue payments={payments} />
        <dl className="facts big">
          <dt>{t('done.amount')}</dt>
          <dd className="num strong" data-testid="done-amount">
            {formatFen(paidFen(payments))}
          </dd>
        </dl>
        <PaymentList payments={payments} />
        <DrawerNotice />
        <dl className="facts order-nos">
          <div className="fact-row">
            <dt>{t('done.print')}</dt>
            <dd>
              <PrintStatus job={printJob} brief={isFailed(printJob)} />
            </dd>
          </div>
        </dl>
        <PrintFailure job={printJob} retrying={retrying} onRetry={() => setConfirming(true)} />
        {unconfirmed ? (
          <div className="rc-entry">
            <KeyButton
              keyCap="F10"
              tone="danger"
              label={t('recovery.open')}
              sub={t('recovery.openSub')}
              onPress={() => void actions.openWizard('done')}
            />
          </div>
        ) : null}
        <KeyButton
          keyCap="Enter"
          tone="primary"
          label={t('done.next')}
          onPress={() => void actions.newSale()}
        />
      </section>
      <section className="done-right" aria-label={t('done.receipt')}>
        <div className="receipt-caption">{t('done.receipt')}</div>
        <JobPaper
          orderId={payment.orderId}
          job={printJob}
          text={receipt?.text ?? null}
          waiting={t('done.waiting')}
        />
      </section>
      {confirming ? (
        <ConfirmDialog
          message={t('printFail.confirm')}
          yes={t('printFail.retry')}
          no={t('printFail.confirmNo')}
          onYes={retryNow}
          onNo={() => setConfirming(false)}
        />
      ) : null}
    </main>
  );
}
