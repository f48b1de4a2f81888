import { useTranslation } from 'react-i18next';
import { keepFocus } from '../../hooks';
import { useActions, useTill } from '../../state/react';

/** The reports kept in the store, newest first: tap one to see (and reprint) it. */
export function ReportList() {
  const { t } = useTranslation();
  const reports = useTill((s) => s.reports);
  const current = useTill((s) => s.report?.reportId);
  const actions = useActions();
  if (reports.length === 0) return null;
  return (
    <div className="report-list">
      <h2 className="sv-h2">{t('shift.reports')}</h2>
      <ul>
        {reports.map((r) => (
          <li key={r.reportId}>
            <button
              type="button"
              className={`report-item ${r.reportId === current ? 'current' : ''}`}
              onMouseDown={keepFocus}
              onClick={() => void actions.showReport(r.reportId)}
            >
              <strong>{t(`shift.kind.${r.kind}`)}</strong>
              {r.copyOf ? ` · ${t('shift.copy')}` : ''}
              <span className="num">{new Date(r.createdAt).toLocaleString('zh-CN')}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
