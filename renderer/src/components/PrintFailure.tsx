import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../../shared/domain';
import { printReasonFor } from '../i18n/reasons';
import { isFailed, willResume } from '../state/printing';
import { KeyButton } from './KeyButton';

interface Props {
  job: PrintJob | null;
  retrying: boolean;
  /** Opens the "did it print?" confirmation; F5 does the same. */
  onRetry(): void;
}

/**
 * Why the receipt did not print and what happens next: WAITING prints by itself once the
 * printer is ready (nothing was sent); FAILED / INTERRUPTED may have printed: the cashier checks.
 */
export function PrintFailure({ job, retrying, onRetry }: Props) {
  const { t, i18n } = useTranslation();
  if (!job || (!isFailed(job) && !willResume(job))) return null;
  const reason = printReasonFor(job, i18n.language);
  if (willResume(job)) {
    return (
      <div className="print-fail print-fail-resume" role="status" data-testid="print-fail">
        <div className="print-fail-why">
          {t(`printFail.why${job.reasonCode ?? ''}`, { defaultValue: reason ?? '' })}
        </div>
        <div className="print-fail-next" data-testid="print-resume-note">
          {t(`printFail.auto${job.reasonCode ?? ''}`, { defaultValue: t('printFail.auto') })}
        </div>
      </div>
    );
  }
  return (
    <div className="print-fail print-fail-decide" role="alert" data-testid="print-fail">
      <div className="print-fail-why">{reason}</div>
      <div className="print-fail-next">⚠ {t('printFail.check')}</div>
      <KeyButton
        keyCap="F5"
        tone="danger"
        label={retrying ? t('printFail.retrying') : t('printFail.retry')}
        disabled={retrying}
        onPress={onRetry}
      />
    </div>
  );
}
