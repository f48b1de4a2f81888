import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keepFocus, REFOCUS } from '../../hooks';
import { useActions, useTill } from '../../state/react';

/**
 * 主管授权 over whatever screen asked. It owns the keyboard while open (capture phase), so the
 * screen below never acts on its Enter or Esc, and the scan field does not take focus back.
 */
export function ApprovalDialog() {
  const open = useTill((s) => s.approval !== null);
  useEffect(() => {
    // Closed: the screen below takes its field's focus back.
    if (!open) window.dispatchEvent(new Event(REFOCUS));
  }, [open]);
  return open ? <ApprovalForm /> : null;
}

/** Mounted per request, so every approval starts with empty fields. */
function ApprovalForm() {
  const { t } = useTranslation();
  const ask = useTill((s) => s.approval);
  const actions = useActions();
  const [userId, setUserId] = useState('');
  const [pin, setPin] = useState('');
  const userRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const error = ask?.error ?? null;

  useEffect(() => {
    // A refused try puts the cursor back on the PIN (cleared when it was sent).
    if (error) pinRef.current?.focus();
    else userRef.current?.focus();
  }, [error]);

  const submit = () => {
    if (!userId || !pin) return;
    actions.submitApproval(userId, pin);
    setPin('');
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') actions.cancelApproval();
      else if (e.key === 'Enter') {
        if (document.activeElement === userRef.current) pinRef.current?.focus();
        else submit();
      } else if (!e.key.startsWith('F')) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  });

  if (!ask) return null;
  return (
    <div className="dialog-backdrop approval-backdrop">
      <div
        className="dialog approval-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('approval.title')}
        data-own-focus
        data-testid="approval-dialog"
      >
        <h2 className="dialog-title">{t('approval.title')}</h2>
        <p className="approval-what">{t(`approval.what.${ask.what}`)}</p>
        <p className="approval-sub">{t('approval.sub')}</p>
        <div className="approval-fields">
          <label className="field">
            <span>{t('approval.user')}</span>
            <input
              ref={userRef}
              className="field-input num"
              inputMode="numeric"
              autoComplete="off"
              value={userId}
              onChange={(e) => setUserId(e.target.value.replace(/\D/g, ''))}
              data-testid="approval-user"
            />
          </label>
          <label className="field">
            <span>{t('approval.pin')}</span>
            <input
              ref={pinRef}
              type="password"
              className="field-input num"
              inputMode="numeric"
              autoComplete="off"
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
              data-testid="approval-pin"
            />
          </label>
        </div>
        {error ? (
          <p className="code-bad" role="alert" data-testid="approval-error">
            {error.messageZh}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button
            type="button"
            className="btn btn-plain"
            onMouseDown={keepFocus}
            onClick={actions.cancelApproval}
          >
            <kbd>{t('keys.esc')}</kbd> {t('approval.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!userId || !pin || ask.busy}
            onMouseDown={keepFocus}
            onClick={submit}
            data-testid="approval-submit"
          >
            <kbd>{t('keys.enter')}</kbd> {ask.busy ? t('approval.busy') : t('approval.submit')}
          </button>
        </div>
      </div>
    </div>
  );
}
