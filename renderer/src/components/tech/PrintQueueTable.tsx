import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../../../shared/domain';
import { keepFocus } from '../../hooks';
import { needsDecision } from '../../../../shared/printing';
import { useActions, useTill } from '../../state/react';
import { PrintStatus } from '../PrintStatus';
import { CancelJobDialog } from './CancelJobDialog';

const KINDS = ['receipt', 'reprint', 'test'];
const time = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour12: false });

/**
 * The print queue for the technician (and supervisor): every unfinished job, then the latest
 * finished ones. A job that may have printed can be sent again (after looking at the printer);
 * a waiting one checked now; any job that has not printed cancelled, with a reason.
 */
export function PrintQueueTable() {
  const { t } = useTranslation();
  const jobs = useTill((s) => s.queueJobs);
  const busy = useTill((s) => s.queueBusy);
  const a = useActions();
  const [cancelling, setCancelling] = useState<PrintJob | null>(null);
  if (!jobs) return <div className="tech-tiles-wait">…</div>;
  if (jobs.length === 0) return <p className="tech-none">{t('queue.empty')}</p>;
  const action = (j: PrintJob) => {
    const canCancel = j.state !== 'PRINTED' && j.state !== 'CANCELLED' && j.state !== 'SENDING';
    const retry = needsDecision(j.state)
      ? t('queue.retry')
      : j.state === 'WAITING'
        ? t('queue.checkNow')
        : null;
    return (
      <div className="queue-actions">
        {retry ? (
          <button
            type="button"
            className={`btn ${needsDecision(j.state) ? 'btn-danger' : 'btn-plain'} queue-btn`}
            disabled={busy !== null}
            title={needsDecision(j.state) ? t('queue.decide') : undefined}
            onMouseDown={keepFocus}
            onClick={() => void a.retryJob(j.jobId)}
            data-testid="queue-retry"
          >
            {retry}
          </button>
        ) : null}
        {canCancel ? (
          <button
            type="button"
            className="btn btn-plain queue-btn"
            disabled={busy !== null}
            onMouseDown={keepFocus}
            onClick={() => setCancelling(j)}
            data-testid="queue-cancel"
          >
            {t('queue.cancel')}
          </button>
        ) : null}
      </div>
    );
  };
  return (
    <div className="queue-scroll">
      <table className="queue-table" data-testid="print-queue">
        <thead>
          <tr>
            <th>{t('queue.colTime')}</th>
            <th>{t('queue.colKind')}</th>
            <th>{t('queue.colOrder')}</th>
            <th>{t('queue.colState')}</th>
            <th className="num">{t('queue.colTries')}</th>
            <th>{t('queue.colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr key={j.jobId} data-state={j.state} data-kind={j.kind}>
              <td className="num">{time(j.createdAt)}</td>
              <td>{t(`queue.${KINDS.includes(j.kind) ? j.kind : 'other'}`)}</td>
              <td className="mono queue-order">{j.orderId ?? '—'}</td>
              <td>
                <PrintStatus job={j} brief={j.state === 'WAITING'} />
                {j.state === 'WAITING' && j.reasonText ? (
                  <div className="queue-reason">{j.reasonText}</div>
                ) : null}
              </td>
              <td className="num">{j.attempts}</td>
              <td>{action(j)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cancelling ? (
        <CancelJobDialog
          job={cancelling}
          busy={busy !== null}
          onCancel={async (reason) => {
            if (await a.cancelJob(cancelling.jobId, reason)) setCancelling(null);
          }}
          onClose={() => setCancelling(null)}
        />
      ) : null}
    </div>
  );
}
