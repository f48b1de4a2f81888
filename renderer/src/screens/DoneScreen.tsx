import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../shared/money';
import { KeyButton } from '../components/KeyButton';
import { PrintStatus } from '../components/PrintStatus';
import { ReceiptPaper } from '../components/ReceiptPaper';
import { useKeys } from '../hooks';
import { useActions, useTill } from '../state/react';

/** Paid: the numbers the customer may ask for, the print state, and the receipt itself. */
export function DoneScreen() {
  const { t } = useTranslation();
  const payment = useTill((s) => s.payment);
  const receipt = useTill((s) => s.receipt);
  const printJob = useTill((s) => s.printJob);
  const actions = useActions();

  useKeys((e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void actions.newSale();
  });

  if (!payment) return <main className="screen done" />;
  const numbers = [
    ['merchantOrderNo', payment.merchantOrderNo],
    ['platformOrderNo', payment.platformOrderNo],
    ['thirdPartyOrderNo', payment.thirdPartyOrderNo],
  ].filter((n): n is [string, string] => Boolean(n[1]));

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
            {formatFen(payment.amountFen)}
            <span className="method-tag">{t(`method.${payment.method}`)}</span>
          </dd>
          {payment.receivedFen !== null ? (
            <>
              <dt>{t('done.received')}</dt>
              <dd className="num">{formatFen(payment.receivedFen)}</dd>
            </>
          ) : null}
          {payment.changeFen !== null ? (
            <>
              <dt>{t('done.change')}</dt>
              <dd className="num strong change" data-testid="done-change">
                {formatFen(payment.changeFen)}
              </dd>
            </>
          ) : null}
        </dl>
        <dl className="facts order-nos">
          {numbers.map(([key, value]) => (
            <div key={key} className="fact-row">
              <dt>{t(`done.${key}`)}</dt>
              <dd className="num mono" data-testid={key}>
                {value}
              </dd>
            </div>
          ))}
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
