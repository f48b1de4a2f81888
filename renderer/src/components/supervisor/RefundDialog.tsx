import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen, parseYuan } from '../../../../shared/money';
import { keepFocus, useKeepFocus, useKeys } from '../../hooks';
import { useActions, useTill } from '../../state/react';
import { PrintStatus } from '../PrintStatus';
import { RefundList } from './RefundList';
import { RefundSplit } from './RefundSplit';

/**
 * One refund: full (empty amount) or part, in yuan, with its reason. The requestId was made
 * when this dialog opened, so a double press or a retry after a lost answer refunds once. A
 * cashier's refund asks a supervisor to approve it on this screen (the host decides).
 */
export function RefundDialog({
  orderId,
  paidFen,
  leftFen,
}: {
  orderId: string;
  paidFen: number;
  leftFen: number;
}) {
  const { t } = useTranslation();
  const draft = useTill((s) => s.refund);
  const actions = useActions();
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useKeepFocus(input);
  const reasons = t('refundMore.reasons', { returnObjects: true }) as string[];

  const amount = text.trim() === '' ? null : parseYuan(text);
  const invalid = text.trim() !== '' && (amount === null || amount <= 0);
  const tooMuch = amount !== null && amount > leftFen;
  const locked = draft?.sent ?? false;
  const why = locked ? (draft?.reason ?? '') : reason.trim();
  // After an answer, only a PENDING refund is worth asking about again (same request).
  const settled = draft?.result?.refunds.every((r) => r.state !== 'PENDING') ?? false;
  const canSend =
    !!draft && !draft.busy && why !== '' && (locked ? !settled : !invalid && !tooMuch);
  const send = () => {
    if (canSend) void actions.submitRefund(why, amount ?? undefined);
  };

  useKeys((e) => {
    if (e.key === 'Enter') send();
    else if (e.key === 'Escape') actions.closeRefund();
    else return;
    e.preventDefault();
  });

  if (!draft) return null;
  const shown = locked
    ? draft.amountFen === null
      ? t('refund.full')
      : formatFen(draft.amountFen)
    : null;
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog refund-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('refund.title')}
        data-own-focus
      >
        <h2 className="dialog-title">{t('refund.title')}</h2>
        <p className="refund-order">
          {t('refund.order', { orderId, paid: formatFen(paidFen) })} · {t('refundMore.refundable')}{' '}
          <strong className="num">{formatFen(leftFen)}</strong>
        </p>
        <label className="refund-label" htmlFor="refund-amount">
          {t('refund.amountLabel')}
        </label>
        <input
          id="refund-amount"
          ref={input}
          className={`cash-input num ${invalid || tooMuch ? 'invalid' : ''}`}
          inputMode="decimal"
          autoComplete="off"
          value={shown ?? text}
          readOnly={locked}
          placeholder={t('refund.full')}
          onChange={(e) => setText(e.target.value)}
          data-testid="refund-amount"
        />
        <div className="code-feedback">
          {invalid ? <span className="code-bad">{t('refund.invalid')}</span> : null}
          {tooMuch ? <span className="code-bad">{t('refund.tooMuch')}</span> : null}
          {draft.busy ? <span className="code-hint">{t('refund.sending')}</span> : null}
        </div>
        <label className="refund-label" htmlFor="refund-reason">
          {t('refundMore.reason')}
        </label>
        <div className="reason-row">
          {reasons.map((r) => (
            <button
              key={r}
              type="button"
              className={`chip ${why === r ? 'on' : ''}`}
              disabled={locked}
              onMouseDown={keepFocus}
              onClick={() => setReason(r)}
            >
              {r}
            </button>
          ))}
          <input
            id="refund-reason"
            className="reason-input"
            maxLength={80}
            value={locked ? why : reason}
            readOnly={locked}
            placeholder={t('refundMore.reasonPlaceholder')}
            onChange={(e) => setReason(e.target.value)}
            data-testid="refund-reason"
          />
        </div>
        {!why && !locked ? <p className="code-hint">{t('refundMore.needReason')}</p> : null}
        {draft.result ? (
          <>
            <RefundSplit result={draft.result} />
            <RefundList refunds={draft.result.refunds} />
            {draft.slipJob ? (
              <p className="refund-slip">
                {t('refundMore.slip')}：<PrintStatus job={draft.slipJob} />
              </p>
            ) : null}
          </>
        ) : null}
        <p className="refund-once">{t('refund.once')}</p>
        <div className="dialog-actions">
          <button
            type="button"
            className="btn btn-plain"
            onMouseDown={keepFocus}
            onClick={actions.closeRefund}
          >
            <kbd>{t('keys.esc')}</kbd> {t('refund.close')}
          </button>
          {settled ? null : (
            <button
              type="button"
              className="btn btn-danger"
              disabled={!canSend}
              onMouseDown={keepFocus}
              onClick={send}
              data-testid="refund-submit"
            >
              <kbd>{t('keys.enter')}</kbd> {locked ? t('refund.retry') : t('refund.submit')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
