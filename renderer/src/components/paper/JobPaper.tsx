import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../../../shared/domain';
import { keepFocus } from '../../hooks';
import { useActions, useTill } from '../../state/react';
import { ReceiptPaper } from '../ReceiptPaper';
import { PaperLines } from './PaperLines';

interface Props {
  orderId: string;
  job: PrintJob | null;
  /** print.txt, shown until the job's paper is there. */
  text: string | null;
  waiting: string;
  /** The technician's view: where the paper came from, and the printer's own PNG. */
  technical?: boolean;
}

/** The receipt as decoded from its print job; print.txt meanwhile; the printer's PNG on request. */
export function JobPaper({ orderId, job, text, waiting, technical = false }: Props) {
  const { t } = useTranslation();
  const preview = useTill((s) => s.previews[orderId]);
  const showPng = useTill((s) => s.showPng);
  const { loadPreview, togglePng } = useActions();
  const jobId = job?.jobId ?? null;
  useEffect(() => {
    if (jobId) void loadPreview(orderId, jobId);
  }, [loadPreview, orderId, jobId]);

  if (!preview) {
    if (text === null) return <div className="paper-wait">{waiting}</div>;
    return (
      <>
        {technical ? <div className="paper-source">{t('paper.fromText')}</div> : null}
        <ReceiptPaper text={text} />
      </>
    );
  }
  // Cashiers and supervisors see the paper; how it was decoded is the technician's business.
  if (!technical) return <PaperLines paper={preview.paper} />;
  return (
    <>
      <div className="paper-source">
        <span>{showPng ? t('paper.pngNote') : t('paper.fromJob')}</span>
        <button
          type="button"
          className="png-toggle"
          aria-pressed={showPng}
          onMouseDown={keepFocus}
          onClick={togglePng}
          data-testid="png-toggle"
        >
          {t('paper.png')}
        </button>
      </div>
      {showPng ? (
        <div className="paper-roll">
          <img className="paper-png" src={preview.paper.png} alt={t('paper.png')} />
        </div>
      ) : (
        <PaperLines paper={preview.paper} />
      )}
    </>
  );
}
