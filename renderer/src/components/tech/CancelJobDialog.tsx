import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../../../shared/domain';
import { keepFocus, useKeepFocus } from '../../hooks';

interface Props {
  job: PrintJob;
  busy: boolean;
  onCancel(reason: string): Promise<void>;
  onClose(): void;
}

/** Cancelling a print job needs a reason (at least 2 characters), kept on the job. */
export function CancelJobDialog({ job, busy, onCancel, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useKeepFocus(input);
  const ok = reason.trim().length >= 2 && !busy;
  const submit = () => {
    if (ok) void onCancel(reason.trim());
  };
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-label={t('queue.cancelTitle')}
      >
        <p className="dialog-message">{t('queue.cancelTitle')}</p>
        <p className="mono queue-order">{job.orderId ?? job.jobId}</p>
        <label className="scan-field">
          <span className="scan-label">{t('queue.cancelReason')}</span>
          <input
            ref={input}
            className="scan-input"
            maxLength={80}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') submit();
              if (e.key === 'Escape') onClose();
            }}
            data-testid="cancel-reason"
          />
        </label>
        <div className="dialog-actions">
          <button type="button" className="btn btn-plain" onMouseDown={keepFocus} onClick={onClose}>
            <kbd>{t('keys.esc')}</kbd> {t('queue.cancelNo')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={!ok}
            onMouseDown={keepFocus}
            onClick={submit}
            data-testid="cancel-yes"
          >
            <kbd>{t('keys.enter')}</kbd> {t('queue.cancelYes')}
          </button>
        </div>
      </div>
    </div>
  );
}
