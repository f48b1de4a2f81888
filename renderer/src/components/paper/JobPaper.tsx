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
}

/** The receipt as decoded from its print job; print.txt meanwhile; the printer's PNG on request. */
export function JobPaper({ orderId, job, text, waiting }: Props) {
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
        <div className="paper-source">{t('paper.fromText')}</div>
        <ReceiptPaper text={text} />
      </>
    );
  }
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
