import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/api/recovery';
import { chinaTime } from '../recovery/Findings';

/** An order's timeline: payments, recovery steps, audit and printing, oldest first. */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p className="sv-empty">{t('cases.noTimeline')}</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((e, i) => (
        <li key={i} className={`tl-${e.kind}`} data-kind={e.kind}>
          <span className="tl-at num">{chinaTime(e.at).slice(11)}</span>
          <span className="tl-kind">{t(`cases.tlKind.${e.kind}`)}</span>
          <span className="tl-step">
            {e.step} <strong>{e.outcome}</strong>
            {e.actor ? <span className="tl-actor"> · {e.actor}</span> : null}
          </span>
          {e.detail ? <span className="tl-detail mono">{e.detail}</span> : null}
        </li>
      ))}
    </ol>
  );
}
