import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../../shared/domain';

/** 正在打印 / 已打印 / 打印失败 + reason, from `print.updated`. */
export function PrintStatus({ job }: { job: PrintJob | null }) {
  const { t } = useTranslation();
  if (!job) {
    return <span className="print-state print-busy">{t('done.waiting')}</span>;
  }
  const tone = job.state === 'PRINTED' ? 'ok' : job.state === 'FAILED' ? 'bad' : 'busy';
  return (
    <span className={`print-state print-${tone}`} data-testid="print-state" data-state={job.state}>
      {t(`done.${job.state}`)}
      {job.state === 'FAILED' && job.reasonText ? (
        <span className="print-reason">（{job.reasonText}）</span>
      ) : null}
    </span>
  );
}
