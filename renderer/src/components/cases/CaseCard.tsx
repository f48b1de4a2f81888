import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../shared/api/recovery';
import { formatFen } from '../../../../shared/money';
import { chinaTime } from '../recovery/Findings';

/** One case in the list: what it is, where it stands, its amount and numbers. */
export function CaseCard({
  c,
  selected,
  onSelect,
}: {
  c: CaseView;
  selected: boolean;
  onSelect(): void;
}) {
  const { t } = useTranslation();
  const numbers = [c.merchantOrderNo, c.platformOrderNo, c.thirdPartyOrderNo].filter(Boolean);
  return (
    <li>
      <button
        type="button"
        className={`case-card ${selected ? 'selected' : ''} case-${c.status}`}
        onClick={onSelect}
        data-testid="case-card"
        data-status={c.status}
        data-kind={c.kind}
      >
        <span className="case-kind">{t(`cases.kind.${c.kind}`)}</span>
        <span className={`case-status status-${c.status}`} data-testid="case-status">
          {c.state === 'RESOLVED' && c.resolution
            ? t(`cases.resolution.${c.resolution}`, { defaultValue: c.resolution })
            : t(`cases.status.${c.status}`)}
        </span>
        <span className="case-amount num">
          {c.amountFen !== null ? formatFen(c.amountFen) : '—'}
        </span>
        <span className="case-time num">{chinaTime(c.createdAt)}</span>
        {numbers.length > 0 ? <span className="case-nos mono">{numbers.join(' · ')}</span> : null}
      </button>
    </li>
  );
}
