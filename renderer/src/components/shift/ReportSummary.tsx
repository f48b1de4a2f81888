import { useTranslation } from 'react-i18next';
import type { Report } from '../../../../shared/api/shift';
import { formatFen } from '../../../../shared/money';

/** The drawer's numbers of the report on screen, big: what a cashier checks at a glance. */
export function ReportSummary({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = report.figures;
  const diff = f.differenceFen;
  return (
    <dl className="report-summary" data-testid="report-summary">
      <dt>{t('shift.net')}</dt>
      <dd className="num">{formatFen(f.totals.netFen)}</dd>
      {f.cashExpectedFen !== null ? (
        <>
          <dt>{t('shift.expected')}</dt>
          <dd className="num">{formatFen(f.cashExpectedFen)}</dd>
        </>
      ) : null}
      {f.countedFen !== null && diff !== null ? (
        <>
          <dt>{t('shift.counted')}</dt>
          <dd className="num">{formatFen(f.countedFen)}</dd>
          <dt>{t('shift.difference')}</dt>
          <dd
            className={`num diff ${diff < 0 ? 'short' : diff > 0 ? 'over' : 'even'}`}
            data-testid="report-difference"
          >
            {formatFen(diff)} {t(diff < 0 ? 'shift.short' : diff > 0 ? 'shift.over' : 'shift.even')}
          </dd>
        </>
      ) : null}
      {f.unresolved.length > 0 ? (
        <>
          <dt>{t('shift.open')}</dt>
          <dd className="num warn">{f.unresolved.length}</dd>
        </>
      ) : null}
    </dl>
  );
}
