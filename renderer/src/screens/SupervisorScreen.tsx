import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { KeyButton } from '../components/KeyButton';
import { JobPaper } from '../components/paper/JobPaper';
import { PrintStatus } from '../components/PrintStatus';
import { OrderJobs } from '../components/supervisor/OrderJobs';
import { ReceiptPaper } from '../components/ReceiptPaper';
import { OrderFacts, OrderLines } from '../components/supervisor/OrderSummary';
import { PaymentsTable } from '../components/supervisor/PaymentsTable';
import { RefundDialog } from '../components/supervisor/RefundDialog';
import { RefundList } from '../components/supervisor/RefundList';
import { useKeepFocus, useKeys } from '../hooks';
import { useActions, useTill } from '../state/react';
import { paidFen } from '../state/tender';

/** F6: find an order by what the receipt or the customer shows, see everything, refund. */
export function SupervisorScreen() {
  const { t } = useTranslation();
  const lookup = useTill((s) => s.lookup);
  const busy = useTill((s) => s.lookupBusy);
  const refundOpen = useTill((s) => s.refund !== null);
  const refundsSeen = useTill((s) => s.refundsSeen);
  const lookupJob = useTill((s) => s.lookupJob);
  const reprintBusy = useTill((s) => s.reprintBusy);
  const actions = useActions();
  const [query, setQuery] = useState('');
  const [confirmReprint, setConfirmReprint] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useKeepFocus(input, !refundOpen && !confirmReprint);
  const canRefund = lookup?.sale.status === 'PAID';
  const canReprint = Boolean(lookup?.receipt) && !reprintBusy;
  const reprintNow = () => {
    setConfirmReprint(false);
    void actions.reprint();
  };

  useKeys((e) => {
    if (refundOpen) return; // the dialog has the keyboard
    if (confirmReprint) {
      if (e.key === 'Enter') reprintNow();
      else if (e.key === 'Escape') setConfirmReprint(false);
      else return;
    } else if (e.key === 'Enter') void actions.findOrder(query);
    else if (e.key === 'F7' && canReprint) setConfirmReprint(true);
    else if (e.key === 'F8' && canRefund) actions.openRefund();
    else if (e.key === 'F3') actions.goTo('products');
    else if (e.key === 'Escape') actions.goTo('checkout');
    else return;
    e.preventDefault();
  });

  return (
    <main className="screen supervisor">
      <section className="sv-left">
        <h1 className="sv-title">{t('supervisor.title')}</h1>
        <label className="scan-field">
          <span className="scan-label">{t('supervisor.searchLabel')}</span>
          <input
            ref={input}
            className="scan-input"
            autoComplete="off"
            spellCheck={false}
            value={query}
            readOnly={busy}
            placeholder={t('supervisor.searchPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="sv-search"
          />
        </label>
        {lookup ? (
          <div className="sv-scroll">
            <OrderFacts detail={lookup} />
            <OrderJobs />
            <h2 className="sv-h2">{t('supervisor.payments')}</h2>
            <PaymentsTable payments={lookup.payments} />
            {refundsSeen.length > 0 ? (
              <>
                <h2 className="sv-h2">{t('supervisor.refunds')}</h2>
                <RefundList refunds={refundsSeen} />
              </>
            ) : null}
            <h2 className="sv-h2">{t('supervisor.lines')}</h2>
            <OrderLines detail={lookup} />
          </div>
        ) : (
          <p className="sv-empty">{t('supervisor.empty')}</p>
        )}
        <div className="row-actions">
          <KeyButton
            keyCap="Esc"
            label={t('supervisor.back')}
            onPress={() => actions.goTo('checkout')}
          />
          <KeyButton
            keyCap="F3"
            label={t('products.open')}
            onPress={() => actions.goTo('products')}
          />
          <KeyButton
            keyCap="F7"
            label={reprintBusy ? t('reprint.busy') : t('reprint.button')}
            disabled={!canReprint}
            onPress={() => setConfirmReprint(true)}
          />
          <KeyButton
            keyCap="F8"
            tone="danger"
            label={t('supervisor.refund')}
            disabled={!canRefund}
            onPress={actions.openRefund}
          />
        </div>
      </section>
      <section className="sv-right" aria-label={t('supervisor.receipt')}>
        <div className="receipt-caption">
          {t('supervisor.receipt')}
          {lookup?.receipt ? (
            <span className="sv-print">
              {t('supervisor.print')}：
              {lookup.origin && !lookupJob ? (
                <span className="print-state">
                  {t('origin.printedThere', { till: lookup.origin.tillNo })}
                </span>
              ) : (
                <PrintStatus job={lookupJob} />
              )}
            </span>
          ) : null}
        </div>
        {lookup?.receipt && lookup.origin ? (
          // Another till's receipt: its text as that till stored it; no print job here to decode.
          <>
            <div className="paper-source">
              {t('origin.receiptText', { till: lookup.origin.tillNo })}
            </div>
            <ReceiptPaper text={lookup.receipt.text} />
          </>
        ) : lookup?.receipt ? (
          <JobPaper
            orderId={lookup.sale.orderId}
            job={lookupJob}
            text={lookup.receipt.text}
            waiting={t('done.waiting')}
          />
        ) : lookup ? (
          <div className="paper-wait">{t('supervisor.noReceipt')}</div>
        ) : null}
      </section>
      {confirmReprint ? (
        <ConfirmDialog
          message={t('reprint.confirm')}
          yes={t('reprint.button')}
          no={t('reprint.confirmNo')}
          onYes={reprintNow}
          onNo={() => setConfirmReprint(false)}
        />
      ) : null}
      {refundOpen && lookup ? (
        <RefundDialog orderId={lookup.sale.orderId} paidFen={paidFen(lookup.payments)} />
      ) : null}
    </main>
  );
}
