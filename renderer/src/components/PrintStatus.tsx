import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../../shared/domain';
import { printReasonFor } from '../i18n/reasons';
import { isFailed } from '../state/printing';

const TONE: Record<PrintJob['state'], 'ok' | 'busy' | 'bad' | 'off'> = {
  QUEUED: 'busy',
  SENDING: 'busy',
  WAITING: 'busy',
  PRINTED: 'ok',
  FAILED: 'bad',
  INTERRUPTED: 'bad',
  CANCELLED: 'off',
};

/**
 * 排队 / 正在打印 / 已打印 / 等待打印机 / 未确认 + reason, from `print.updated`. Only PRINTED
 * reads 已打印. `brief` leaves the reason of a failure to a box beside it.
 */
export function PrintStatus({ job, brief = false }: { job: PrintJob | null; brief?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!job) {
    return <span className="print-state print-busy">{t('done.waiting')}</span>;
  }
  const reason = printReasonFor(job, i18n.language);
  const showReason = (job.state === 'CANCELLED' || isFailed(job)) && reason && !brief;
  return (
    <span
      className={`print-state print-${TONE[job.state]}`}
      data-testid="print-state"
      data-state={job.state}
    >
      {t(`printState.${job.state}`)}
      {showReason ? <span className="print-reason">（{reason}）</span> : null}
    </span>
  );
}
