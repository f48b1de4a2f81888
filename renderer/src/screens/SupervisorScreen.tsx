import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { KeyButton } from '../components/KeyButton';
import { JobPaper } from '../components/paper/JobPaper';
import { PrintStatus } from '../components/PrintStatus';
import { OrderJobs } from '../components/supervisor/OrderJobs';
import { ReceiptPaper } from '../components/ReceiptPaper';
import { OrderFacts, OrderLines } from '../components/supervisor/OrderSummary';
import { OrderResults } from '../components/supervisor/OrderResults';
import { SearchFilters } from '../components/supervisor/SearchFilters';
import { PaymentsTable } from '../components/supervisor/PaymentsTable';
import { RefundDialog } from '../components/supervisor/RefundDialog';
import { RefundList } from '../components/supervisor/RefundList';
import { Timeline } from '../components/cases/Timeline';
import { useKeepFocus, useKeys } from '../hooks';
import { useActions, useTill } from '../state/react';
import { paidFen } from '../state/tender';

/**
 * F6: today's orders (or filtered ones); an order found by what the receipt or the customer
 * shows, with everything about it; reprint and refund (a cashier asks a supervisor to approve).
 */
export function SupervisorScreen() {
  const { t } = useTranslation();
  const lookup = useTill((s) => s.lookup);
  const results = useTill((s) => s.results);
  const isSupervisor = useTill((s) => s.session?.user?.role === 'supervisor');
  const filtered = useTill((s) => Object.keys(s.searchFilter).length > 0);
  const busy = useTill((s) => s.lookupBusy);
  const refundOpen = useTill((s) => s.refund !== null);
  const refundsSeen = useTill((s) => s.refundsSeen);
  const lookupJob = useTill((s) => s.lookupJob);
  const reprintBusy = useTill((s) => s.reprintBusy);
  const timeline = useTill((s) =>
    s.timeline && s.timeline.orderId === s.lookup?.sale.orderId ? s.timeline : null,
  );
  const actions = useActions();
  const [query, setQuery] = useState('');
  const [confirmReprint, setConfirmReprint] = useState(false);
  // The highlighted row belongs to the list it was moved in; a new list starts at the top.
  const [moved, setMoved] = useState<{ list: typeof results; row: number }>({ list: [], row: 0 });
  const row = moved.list === results ? moved.row : 0;
  const setRow = (f: (r: number) => number) => setMoved({ list: results, row: f(row) });
  const input = useRef<HTMLInputElement>(null);
  const lookupId = lookup?.sale.orderId;
  // The order found: its timeline (payments, recovery steps, audit, printing) below it.
  useEffect(() => {
    if (lookupId) void actions.loadTimeline(lookupId);
  }, [actions, lookupId]);
  useKeepFocus(input, !refundOpen && !confirmReprint);
  useEffect(() => void actions.search({}), [actions]);
  const enter = () => {
    const q = query.trim();
    setQuery('');
    if (q) void actions.searchNumber(q);
    else if (!lookup && results[row]) void actions.findOrder(results[row].orderId);
    else if (!lookup) void actions.search({});
  };
  const canRefund = lookup?.sale.status === 'PAID' && lookup.refund.refundableFen > 0;
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
    } else if (e.key === 'Enter') enter();
    else if (e.key === 'F3') void actions.openWizard('supervisor');
    else if (e.key === 'F10') actions.goTo('cases');
    else if (e.key === 'F7' && canReprint) setConfirmReprint(true);
    else if (e.key === 'F8' && canRefund) actions.openRefund();
    else if (!lookup && (e.key === 'ArrowDown' || e.key === 'ArrowUp'))
      setRow((r) =>
        Math.max(0, Math.min(results.length - 1, r + (e.key === 'ArrowDown' ? 1 : -1))),
      );
    else if (!lookup && e.key === 'F2') actions.goTo('audit');
    else if (!lookup && e.key === 'F4') actions.goTo('users');
    else if (!lookup && e.key === 'F9') actions.goTo('products');
    else if (!lookup && isSupervisor && e.key === 'F1') actions.goTo('setup');
    else if (e.key === 'F5') actions.goTo('shift');
    else if (e.key === 'Escape') {
      if (lookup) actions.closeOrder();
      else actions.goTo('checkout');
    } else return;
    e.preventDefault();
  });

  return (
    <main className={`screen supervisor ${lookup ? '' : 'no-order'}`}>
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
            {timeline ? (
              <>
                <h2 className="sv-h2">{t('cases.timeline')}</h2>
                <Timeline entries={timeline.entries} />
              </>
            ) : null}
          </div>
        ) : (
          <>
            <h2 className="sv-h2">{filtered ? t('search.results') : t('search.today')}</h2>
            <SearchFilters />
            <OrderResults selected={row} />
          </>
        )}
        <div className="row-actions">
          <KeyButton
            keyCap="Esc"
            label={lookup ? t('search.results') : t('supervisor.back')}
            onPress={() => (lookup ? actions.closeOrder() : actions.goTo('checkout'))}
          />
          <KeyButton
            keyCap="F3"
            label={t('recovery.openShort')}
            onPress={() => void actions.openWizard('supervisor')}
          />
          <KeyButton keyCap="F10" label={t('cases.short')} onPress={() => actions.goTo('cases')} />
          {lookup ? (
            <>
              <KeyButton
                keyCap="F7"
                label={reprintBusy ? t('reprint.busy') : t('reprint.button')}
                sub={isSupervisor ? undefined : t('refundMore.approval')}
                disabled={!canReprint}
                onPress={() => setConfirmReprint(true)}
              />
              <KeyButton
                keyCap="F8"
                tone="danger"
                label={t('supervisor.refund')}
                sub={isSupervisor ? undefined : t('refundMore.approval')}
                disabled={!canRefund}
                onPress={actions.openRefund}
              />
            </>
          ) : (
            <>
              <KeyButton
                keyCap="F5"
                label={t('search.shift')}
                onPress={() => actions.goTo('shift')}
              />
              <KeyButton
                keyCap="F9"
                label={t('products.open')}
                sub={isSupervisor ? undefined : t('refundMore.approval')}
                onPress={() => actions.goTo('products')}
              />
              {isSupervisor ? (
                <>
                  <KeyButton
                    keyCap="F2"
                    label={t('search.audit')}
                    onPress={() => actions.goTo('audit')}
                  />
                  <KeyButton
                    keyCap="F4"
                    label={t('search.users')}
                    onPress={() => actions.goTo('users')}
                  />
                  <KeyButton
                    keyCap="F1"
                    label={t('setup.open')}
                    onPress={() => actions.goTo('setup')}
                  />
                </>
              ) : null}
            </>
          )}
        </div>
      </section>
      {lookup ? (
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
      ) : null}
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
        <RefundDialog
          orderId={lookup.sale.orderId}
          paidFen={paidFen(lookup.payments)}
          leftFen={lookup.refund.refundableFen}
        />
      ) : null}
    </main>
  );
}
