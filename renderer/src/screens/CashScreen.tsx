import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen, parseYuan } from '../../../shared/money';
import { KeyButton } from '../components/KeyButton';
import { useKeepFocus, useKeys } from '../hooks';
import { useActions, useTill } from '../state/react';
import { selectDue } from '../state/tender';

/** F2: cash received in yuan, change worked out while the cashier types. */
export function CashScreen() {
  const { t } = useTranslation();
  const due = useTill(selectDue);
  const busy = useTill((s) => s.busy);
  const actions = useActions();
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useKeepFocus(input);

  const received = parseYuan(text);
  const enough = received !== null && received >= due;
  const partial = received !== null && received > 0 && received < due;
  const submit = () => {
    if (enough && !busy) void actions.startCash(received);
  };
  const submitPartial = () => {
    if (partial && !busy) void actions.startCash(received, true);
  };

  useKeys((e) => {
    if (e.key === 'Enter') submit();
    else if (e.key === 'F3') submitPartial();
    else if (e.key === 'Escape') actions.goTo('checkout');
    else return;
    e.preventDefault();
  });

  let note: string | null = null;
  if (text.trim() !== '' && received === null) note = t('cash.invalid');
  else if (received !== null && !enough && !partial) note = t('cash.short');

  return (
    <main className="screen cash">
      <div className="panel wide">
        <h1 className="screen-title">{t('cash.title')}</h1>
        <div className="cash-grid">
          <span className="cash-label">{t('cash.due')}</span>
          <strong className="num cash-due">{formatFen(due)}</strong>
          <label className="cash-label" htmlFor="cash-received">
            {t('cash.received')}
          </label>
          <input
            id="cash-received"
            ref={input}
            className={`cash-input num ${note ? 'invalid' : ''}`}
            inputMode="decimal"
            autoComplete="off"
            value={text}
            readOnly={busy}
            onChange={(e) => setText(e.target.value)}
            data-testid="cash-input"
          />
          <span className="cash-label">{t('cash.change')}</span>
          <strong className="num cash-change" data-testid="cash-change">
            {enough ? formatFen(received - due) : '—'}
          </strong>
        </div>
        <div className="code-feedback" data-testid="cash-feedback">
          {note ? <span className="code-bad">{note}</span> : null}
          {partial ? (
            <span className="code-hint">
              {t('cash.partialHint', {
                cash: formatFen(received),
                rest: formatFen(due - received),
              })}
            </span>
          ) : null}
        </div>
        <div className="row-actions">
          <KeyButton keyCap="Esc" label={t('cash.back')} onPress={() => actions.goTo('checkout')} />
          {partial ? (
            <KeyButton
              keyCap="F3"
              tone="primary"
              label={t('cash.partial')}
              disabled={busy}
              onPress={submitPartial}
            />
          ) : null}
          <KeyButton
            keyCap="Enter"
            tone="cash"
            label={t('cash.submit')}
            disabled={!enough || busy}
            onPress={submit}
          />
        </div>
      </div>
    </main>
  );
}
