import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** 设置报告: the text to send to support, with 复制 (clipboard, else the text is selected). */
export function ReportBox({ text, onClose }: { text: string; onClose(): void }) {
  const { t } = useTranslation();
  const box = useRef<HTMLPreElement>(null);
  const [note, setNote] = useState<string | null>(null);
  const selectAll = () => {
    const el = box.current;
    const sel = window.getSelection();
    if (!el || !sel) return;
    const range = document.createRange();
    range.selectNodeContents(el);
    sel.removeAllRanges();
    sel.addRange(range);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setNote(t('tech.copied'));
    } catch {
      selectAll(); // no clipboard permission (kiosk browser): the technician presses Ctrl+C
      setNote(t('tech.selected'));
    }
  };
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog report-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('tech.reportTitle')}
      >
        <h2>{t('tech.reportTitle')}</h2>
        <p className="tech-soft">{t('tech.reportHelp')}</p>
        <pre ref={box} className="report-text" data-testid="report-text">
          {text}
        </pre>
        <div className="dialog-actions">
          {note ? (
            <span className="report-note" role="status" data-testid="report-note">
              {note}
            </span>
          ) : null}
          <button type="button" className="btn btn-plain" onClick={onClose}>
            <kbd>{t('keys.esc')}</kbd> {t('tech.close')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void copy()}
            data-testid="report-copy"
          >
            {t('tech.copy')}
          </button>
        </div>
      </div>
    </div>
  );
}
