import { keepFocus } from '../hooks';
import { useTill } from '../state/react';

/**
 * Red, loud, and never focusable: the scan field keeps the keyboard. In the cashier's language
 * only: Chinese at a Chinese till, English when a trainer switched to it.
 */
export function ErrorBanner() {
  const error = useTill((s) => s.error);
  const lang = useTill((s) => s.lang);
  const clear = useTill((s) => s.clearError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert" aria-live="assertive" data-code={error.code}>
      <span className="error-icon" aria-hidden="true">
        !
      </span>
      <div className="error-text">
        <div className={lang === 'zh' ? 'error-zh' : 'error-en'} data-testid="error-text">
          {lang === 'zh' ? error.messageZh : error.message}
        </div>
      </div>
      <button
        type="button"
        className="error-close"
        tabIndex={-1}
        onMouseDown={keepFocus}
        onClick={clear}
        aria-label={lang === 'zh' ? '关闭' : 'Close'}
      >
        ×
      </button>
    </div>
  );
}
