import { useTranslation } from 'react-i18next';
import type { LastJob } from '../../../../shared/domain';
import { PrintStatus } from '../PrintStatus';

const SHOWN = 500;

/** The last job's bytes beside their meaning (offset | hex | meaning), then its decoded text. */
export function LastJobTable({ last }: { last: LastJob }) {
  const { t } = useTranslation();
  if (!last.job) return <p className="tech-none">{t('tech.noJob')}</p>;
  const rows = last.rows.slice(0, SHOWN);
  return (
    <div className="tech-lastjob">
      <div className="tech-lastjob-head">
        <span className="mono">{last.kind}</span>
        <PrintStatus job={last.job} />
        <span className="tech-soft">
          {t('tech.rows', { size: last.size, total: last.rows.length })}
          {last.rows.length > SHOWN ? t('tech.rowsCut', { shown: SHOWN }) : null}
        </span>
      </div>
      <div className="hex-scroll" tabIndex={0} aria-label={t('tech.lastJob')} data-scroll-x>
        <table className="hex-table" data-testid="hex-table">
          <thead>
            <tr>
              <th>{t('tech.colOffset')}</th>
              <th>{t('tech.colHex')}</th>
              <th>{t('tech.colMeaning')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.offset}>
                <td className="num">{r.offset}</td>
                <td className="hex">{r.hex}</td>
                <td>{r.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="tech-decoded">
        <summary>{t('tech.decoded')}</summary>
        <pre data-testid="tech-decoded">{last.text}</pre>
      </details>
    </div>
  );
}
