import { useTranslation } from 'react-i18next';
import { useTill } from '../../state/react';
import { PrintStatus } from '../PrintStatus';

/**
 * Every print job of the order on screen — the original receipt and each reprint — in its
 * latest state, and after a reprint during an outage, that both will print (original first).
 */
export function OrderJobs() {
  const { t } = useTranslation();
  const jobs = useTill((s) => s.lookup?.receipt?.jobs ?? []);
  const last = useTill((s) => s.lastReprint);
  const orderId = useTill((s) => s.lookup?.sale.orderId);
  return (
    <div className="order-jobs-box">
      {last && last.job.orderId === orderId ? (
        <p className="reprint-note" role="status" data-testid="reprint-note">
          {last.originalPending ? t('reprintNote.both') : t('reprintNote.queued')}
        </p>
      ) : null}
      {jobs.length > 0 ? (
        <>
          <h2 className="sv-h2">{t('reprintNote.jobs')}</h2>
          <ul className="order-jobs" data-testid="order-jobs">
            {jobs.map((j) => (
              <li key={j.jobId} data-kind={j.kind}>
                <span>{t(`queue.${j.kind === 'reprint' ? 'reprint' : 'receipt'}`)}</span>
                <PrintStatus job={j} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
