import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../shared/money';
import { KeyButton } from '../components/KeyButton';
import { PaymentList } from '../components/PaymentList';
import { PrintStatus } from '../components/PrintStatus';
import { ReceiptPaper } from '../components/ReceiptPaper';
import { useKeys } from '../hooks';
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
  const actions = useActions();

  useKeys((e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void actions.newSale();
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
        <dl className="facts big">
          <dt>{t('done.amount')}</dt>
          <dd className="num strong" data-testid="done-amount">
            {formatFen(paidFen(payments))}
          </dd>
        </dl>
        <PaymentList payments={payments} />
        <dl className="facts order-nos">
          <div className="fact-row">
            <dt>{t('done.print')}</dt>
            <dd>
              <PrintStatus job={printJob} />
            </dd>
          </div>
        </dl>
        <KeyButton
          keyCap="Enter"
          tone="primary"
          label={t('done.next')}
          onPress={() => void actions.newSale()}
        />
      </section>
      <section className="done-right" aria-label={t('done.receipt')}>
        <div className="receipt-caption">{t('done.receipt')}</div>
        {receipt ? (
          <ReceiptPaper text={receipt.text} />
        ) : (
          <div className="paper-wait">{t('done.waiting')}</div>
        )}
      </section>
    </main>
  );
}
