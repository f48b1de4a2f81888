import { keepFocus } from '../hooks';
import { useTill } from '../state/react';

/** Red, loud, and never focusable: the scan field keeps the keyboard. Chinese first, English under it. */
export function ErrorBanner() {
  const error = useTill((s) => s.error);
  const clear = useTill((s) => s.clearError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert" aria-live="assertive" data-code={error.code}>
      <span className="error-icon" aria-hidden="true">
        !
      </span>
      <div className="error-text">
        <div className="error-zh">{error.messageZh}</div>
        <div className="error-en">{error.message}</div>
      </div>
      <button
        type="button"
        className="error-close"
        tabIndex={-1}
        onMouseDown={keepFocus}
        onClick={clear}
        aria-label="关闭 Close"
      >
        ×
      </button>
    </div>
  );
}
