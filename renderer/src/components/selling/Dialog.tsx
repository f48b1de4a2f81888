import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { keepFocus } from '../../hooks';

interface Props {
  title: string;
  children: ReactNode;
  ok: string;
  cancel: string;
  onOk(): void;
  onCancel(): void;
  okDisabled?: boolean;
  testId?: string;
}

/** The checkout's dialogs share one frame: title, content, Esc / Enter buttons. */
export function Dialog({ title, children, ok, cancel, onOk, onCancel, okDisabled, testId }: Props) {
  const { t } = useTranslation();
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog selling-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
      >
        <h2 className="dialog-title">{title}</h2>
        {children}
        <div className="dialog-actions">
          <button
            type="button"
            className="btn btn-plain"
            onMouseDown={keepFocus}
            onClick={onCancel}
          >
            <kbd>{t('keys.esc')}</kbd> {cancel}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={okDisabled}
            onMouseDown={keepFocus}
            onClick={onOk}
          >
            <kbd>{t('keys.enter')}</kbd> {ok}
          </button>
        </div>
      </div>
    </div>
  );
}
