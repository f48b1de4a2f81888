import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../../shared/domain';
import { printReasonFor } from '../i18n/reasons';
import { willResume } from '../state/printing';

/**
 * 正在打印 / 已打印 / 打印失败 + reason, from `print.updated`. A failure the host resends by
 * itself reads 等待打印机; `brief` leaves the reason to a box beside it.
 */
export function PrintStatus({ job, brief = false }: { job: PrintJob | null; brief?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!job) {
    return <span className="print-state print-busy">{t('done.waiting')}</span>;
  }
  const resume = willResume(job);
  const tone = job.state === 'PRINTED' ? 'ok' : job.state === 'FAILED' && !resume ? 'bad' : 'busy';
  const reason = printReasonFor(job, i18n.language);
  return (
    <span className={`print-state print-${tone}`} data-testid="print-state" data-state={job.state}>
      {resume ? t('done.WAITING') : t(`done.${job.state}`)}
      {job.state === 'FAILED' && reason && !brief ? (
        <span className="print-reason">（{reason}）</span>
      ) : null}
    </span>
  );
}
