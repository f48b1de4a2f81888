import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen, parseYuan } from '../../../../shared/money';
import { useKeepFocus, useKeys, useNow } from '../../hooks';
import { useActions, useTill } from '../../state/react';
import { selectDue } from '../../state/tender';
import type { Wizard } from '../../state/types';
import { KeyButton } from '../KeyButton';
import { GatewayNow, TillRecord } from './Findings';

type StepProps = { wizard: Wizard };

/** a. One question: did the customer get a payment-success voucher? */
export function VoucherStep({ wizard }: StepProps) {
  const { t } = useTranslation();
  const actions = useActions();
  useKeys((e) => {
    if (e.key === 'F1') void actions.answerVoucher(true);
    else if (e.key === 'F2') void actions.answerVoucher(false);
    else return;
    e.preventDefault();
  });
  return (
    <section className="rc-step" data-step="voucher">
      <h2 className="rc-question">{t('recovery.voucherQ')}</h2>
      <p className="rc-hint">{t('recovery.voucherHint')}</p>
      <div className="rc-actions">
        <KeyButton
          keyCap="F2"
          label={t('recovery.no')}
          disabled={wizard.busy}
          onPress={() => void actions.answerVoucher(false)}
        />
        <KeyButton
          keyCap="F1"
          tone="primary"
          label={t('recovery.yes')}
          disabled={wizard.busy}
          onPress={() => void actions.answerVoucher(true)}
        />
      </div>
    </section>
  );
}

/** a, no voucher: the till's own record and a live query; unpaid → pay again. */
export function OwnRecordStep({ wizard }: StepProps) {
  const { t } = useTranslation();
  const actions = useActions();
  const payments = useTill((s) => s.orderPayments);
  const payment = payments.find((p) => p.paymentId === wizard.paymentId) ?? null;
  const verdict = wizard.lookup?.verdict;
  const paid = verdict === 'PAID_HERE';
  const toSync = verdict === 'PAID_NOT_SYNCED';
  useKeys((e) => {
    if (e.key === 'F1' && !wizard.busy)
      void (toSync ? actions.syncFound() : paid ? actions.toPrinterChecks() : actions.payAgain());
    else return;
    e.preventDefault();
  });
  return (
    <section className="rc-step" data-step="ownRecord">
      <h2 className="rc-question">{t('recovery.ownTitle')}</h2>
      <div className="rc-columns">
        <div className="rc-card">
          <h3>{t('recovery.tillRecord')}</h3>
          {payment ? <TillRecord payment={payment} /> : <p>{t('recovery.ownNone')}</p>}
        </div>
        <div className="rc-card">
          <h3>{t('recovery.gatewayNow')}</h3>
          {wizard.busy ? (
            <p className="rc-wait">
              <span className="spinner small" /> {t('recovery.querying')}
            </p>
          ) : null}
          {wizard.lookup?.gateway ? <GatewayNow finding={wizard.lookup.gateway} /> : null}
          {wizard.lookupError ? <p className="rc-error">{wizard.lookupError.messageZh}</p> : null}
        </div>
      </div>
      {!wizard.busy ? (
        <p className={`rc-verdict ${paid || toSync ? 'ok' : 'bad'}`} data-testid="rc-verdict">
          {paid
            ? t('recovery.paidHere')
            : toSync
              ? t('recovery.notSyncedText')
              : verdict === 'REFUNDED'
                ? t('recovery.refundedText')
                : t('recovery.notPaidText')}
        </p>
      ) : null}
      <div className="rc-actions">
        {!wizard.busy && toSync ? (
          <KeyButton
            keyCap="F1"
            tone="primary"
            label={t('recovery.syncNow')}
            onPress={() => void actions.syncFound()}
          />
        ) : null}
        {!wizard.busy && paid ? (
          <KeyButton
            keyCap="F1"
            tone="primary"
            label={t('recovery.printerTitle')}
            onPress={() => void actions.toPrinterChecks()}
          />
        ) : null}
        {!wizard.busy && !paid && !toSync ? (
          <KeyButton
            keyCap="F1"
            tone="primary"
            label={t('recovery.payAgain')}
            onPress={() => void actions.payAgain()}
          />
        ) : null}
      </div>
    </section>
  );
}

/** b. The number from the voucher detail (or the receipt's QR code), asked now. */
export function NumberStep({ wizard }: StepProps) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useKeepFocus(input);
  const err = wizard.lookupError;
  const canDrop = err !== null && wizard.paymentId !== null && err.code !== 'BAD_NUMBER';
  useKeys((e) => {
    if (e.key === 'Enter') void actions.submitNumber(value);
    else if (e.key === 'F2' && canDrop) void actions.syncDropped().then(() => undefined);
    else return;
    e.preventDefault();
  });
  return (
    <section className="rc-step" data-step="number">
      <h2 className="rc-question">{t('recovery.numberTitle')}</h2>
      <p className="rc-hint">{t('recovery.numberHint')}</p>
      <input
        ref={input}
        className="scan-input rc-number"
        autoComplete="off"
        spellCheck={false}
        readOnly={wizard.busy}
        value={value}
        placeholder={t('recovery.numberPlaceholder')}
        onChange={(e) => setValue(e.target.value)}
        data-testid="rc-number"
      />
      {wizard.busy ? (
        <p className="rc-wait">
          <span className="spinner small" /> {t('recovery.querying')}
        </p>
      ) : null}
      {err ? (
        <p className="rc-error" role="alert" data-testid="rc-lookup-error" data-code={err.code}>
          {i18n.language === 'en' ? err.message : err.messageZh}
        </p>
      ) : null}
      {wizard.lookup?.verdict === 'GATEWAY_DOWN' ? (
        <p className="rc-error">{t('recovery.gatewayDown')}</p>
      ) : null}
      <div className="rc-actions">
        {canDrop ? (
          <KeyButton
            keyCap="F2"
            label={t('recovery.notFoundDropped')}
            onPress={() => void actions.syncDropped()}
          />
        ) : null}
        <KeyButton
          keyCap="Enter"
          tone="primary"
          label={t('recovery.numberSearch')}
          disabled={wizard.busy}
          onPress={() => void actions.submitNumber(value)}
        />
      </div>
    </section>
  );
}

/** Not paid (or the money went back): the payment starts again with a new merchant order no. */
export function NotPaidStep({ wizard }: StepProps) {
  const { t } = useTranslation();
  const actions = useActions();
  useKeys((e) => {
    if (e.key !== 'F1') return;
    e.preventDefault();
    void actions.payAgain();
  });
  const v = wizard.lookup?.verdict;
  return (
    <section className="rc-step" data-step="notPaid">
      <h2 className="rc-question bad">{t('recovery.notPaidTitle')}</h2>
      {wizard.lookup?.gateway ? <GatewayNow finding={wizard.lookup.gateway} /> : null}
      <p className="rc-verdict bad" data-testid="rc-verdict">
        {v === 'REFUNDED'
          ? t('recovery.refundedText')
          : v === 'LOCAL_ONLY'
            ? t('recovery.localOnly')
            : t('recovery.notPaidText')}
      </p>
      <div className="rc-actions">
        <KeyButton
          keyCap="F1"
          tone="primary"
          label={t('recovery.payAgain')}
          onPress={() => void actions.payAgain()}
        />
      </div>
    </section>
  );
}

/** c. Paid at the platform, not here: sync it (补单). */
export function PaidNotSyncedStep({ wizard }: StepProps) {
  const { t } = useTranslation();
  const actions = useActions();
  useKeys((e) => {
    if (e.key !== 'F1') return;
    e.preventDefault();
    void actions.syncFound();
  });
  return (
    <section className="rc-step" data-step="paidNotSynced">
      <h2 className="rc-question ok">{t('recovery.notSyncedTitle')}</h2>
      {wizard.lookup?.gateway ? <GatewayNow finding={wizard.lookup.gateway} /> : null}
      <p className="rc-verdict">{t('recovery.notSyncedText')}</p>
      <div className="rc-actions">
        <KeyButton
          keyCap="F1"
          tone="primary"
          label={wizard.busy ? t('recovery.syncing') : t('recovery.syncNow')}
          disabled={wizard.busy}
          onPress={() => void actions.syncFound()}
        />
      </div>
    </section>
  );
}

/** Paid at the platform, unknown here (another till, a restored backup): a supervisor decides. */
export function UnknownPaidStep({ wizard }: StepProps) {
  const { t } = useTranslation();
  const actions = useActions();
  const due = useTill(selectDue);
  const amount = wizard.lookup?.gateway?.amountFen ?? null;
  const matches = amount !== null && amount === due;
  useKeys((e) => {
    if (wizard.recorded) return;
    if (e.key === 'F1' && matches) void actions.attachUnknown();
    else if (e.key === 'F2') void actions.recordUnknown();
    else return;
    e.preventDefault();
  });
  return (
    <section className="rc-step" data-step="unknownPaid">
      <h2 className="rc-question warn">{t('recovery.unknownTitle')}</h2>
      <p className="rc-hint">{t('recovery.unknownText')}</p>
      {wizard.lookup?.gateway ? <GatewayNow finding={wizard.lookup.gateway} /> : null}
      <p className="rc-due">
        {t('recovery.currentDue')} <strong className="num">{formatFen(due)}</strong>
        {!matches ? <span className="rc-error"> · {t('recovery.attachNo')}</span> : null}
      </p>
      {wizard.recorded ? (
        <p className="rc-verdict ok" data-testid="rc-recorded">
          {t('recovery.unmatchedRecorded')}
        </p>
      ) : (
        <div className="rc-actions">
          <KeyButton
            keyCap="F2"
            tone="danger"
            label={t('recovery.recordUnmatched')}
            disabled={wizard.busy}
            onPress={() => void actions.recordUnknown()}
          />
          <KeyButton
            keyCap="F1"
            tone="primary"
            label={t('recovery.attach')}
            disabled={!matches || wizard.busy}
            onPress={() => void actions.attachUnknown()}
          />
        </div>
      )}
    </section>
  );
}

/** d. The platform says unpaid, the customer shows success: sync with a countdown and retries. */
export function DroppedStep({ wizard }: StepProps) {
  const { t } = useTranslation();
  const now = useNow(250);
  const r = wizard.retry;
  const left = r?.nextAt ? Math.max(0, Math.ceil((r.nextAt - now) / 1000)) : null;
  return (
    <section className="rc-step" data-step="dropped">
      <h2 className="rc-question warn">{t('recovery.droppedTitle')}</h2>
      <p className="rc-verdict">{t('recovery.droppedText')}</p>
      {wizard.lookup?.gateway ? <GatewayNow finding={wizard.lookup.gateway} /> : null}
      {r ? (
        <div className="rc-countdown" data-testid="rc-countdown">
          <span className="spinner" aria-hidden="true" />
          <strong>{t('recovery.droppedAttempt', { attempt: r.attempt, of: r.of })}</strong>
          <span className="num">
            {left !== null
              ? t('recovery.droppedNext', { seconds: left })
              : t('recovery.droppedNow')}
          </span>
        </div>
      ) : null}
    </section>
  );
}

const hhmm = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16);

/** d, still unpaid: goods withheld; the voucher's amount and time recorded; the sale parked. */
export function WithheldStep({ wizard }: StepProps) {
  const { t } = useTranslation();
  const actions = useActions();
  const payments = useTill((s) => s.orderPayments);
  const paymentAmount = payments.find((p) => p.paymentId === wizard.paymentId)?.amountFen;
  const [amount, setAmount] = useState(paymentAmount ? (paymentAmount / 100).toFixed(2) : '');
  const [time, setTime] = useState(() => hhmm(Date.now()));
  const record = () => {
    const fen = parseYuan(amount);
    const [h, m] = time.split(':').map(Number);
    const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const at =
      h !== undefined && m !== undefined && !Number.isNaN(h) && !Number.isNaN(m)
        ? `${day}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`
        : null;
    void actions.recordDropped(fen, at);
  };
  useKeys((e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (wizard.recorded) void actions.closeWizard();
    else record();
  });
  return (
    <section className="rc-step" data-step="withheld">
      <h2 className="rc-question bad withheld" data-testid="rc-withheld">
        ⚠ {t('recovery.withheldTitle')}
      </h2>
      {wizard.recorded ? (
        <>
          <p className="rc-verdict ok" data-testid="rc-recorded">
            {t('recovery.recorded')}
          </p>
          <div className="rc-actions">
            <KeyButton
              keyCap="Enter"
              tone="primary"
              label={t('recovery.next')}
              onPress={() => void actions.closeWizard()}
            />
          </div>
        </>
      ) : (
        <>
          <p className="rc-verdict">{t('recovery.withheldText')}</p>
          <div className="rc-form">
            <label>
              <span>{t('recovery.voucherAmount')}</span>
              <input
                className="rc-input num"
                inputMode="decimal"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
                data-testid="rc-voucher-amount"
              />
            </label>
            <label>
              <span>{t('recovery.voucherTime')}</span>
              <input
                className="rc-input num"
                value={time}
                onChange={(e) => setTime(e.target.value)}
                data-testid="rc-voucher-time"
              />
            </label>
            {wizard.number ? (
              <p className="rc-hint">
                {t('cases.voucher')}：<span className="mono">{wizard.number}</span>
              </p>
            ) : null}
          </div>
          <div className="rc-actions">
            <KeyButton
              keyCap="Enter"
              tone="danger"
              label={t('recovery.record')}
              disabled={wizard.busy}
              onPress={record}
            />
          </div>
        </>
      )}
    </section>
  );
}
