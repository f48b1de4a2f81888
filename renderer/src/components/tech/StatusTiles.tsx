import { useTranslation } from 'react-i18next';
import type { PrinterStatusView } from '../../../../shared/domain';

type Tone = 'ok' | 'warn' | 'bad' | 'unknown';
interface Tile {
  id: string;
  label: string;
  value: string;
  tone: Tone;
}

/** One big tile per condition: 连接, 纸仓盖, 纸卷, 切刀, 错误 (null = the printer did not say). */
function tiles(s: PrinterStatusView, t: (k: string) => string): Tile[] {
  const pick = (v: boolean | null, good: string, bad: string, badTone: Tone = 'bad') =>
    v === null
      ? { value: t('tech.unknownValue'), tone: 'unknown' as const }
      : v
        ? { value: t(bad), tone: badTone }
        : { value: t(good), tone: 'ok' as const };
  const paper =
    s.paperEnd === null && s.paperNearEnd === null
      ? pick(null, '', '')
      : s.paperEnd
        ? pick(true, '', 'tech.paperEnd')
        : pick(s.paperNearEnd, 'tech.paperOk', 'tech.paperNear', 'warn');
  return [
    {
      id: 'online',
      label: t('tech.online'),
      ...(s.online === null
        ? pick(null, '', '')
        : pick(!s.online, 'tech.onlineYes', 'tech.onlineNo')),
    },
    {
      id: 'cover',
      label: t('tech.cover'),
      ...pick(s.coverOpen, 'tech.coverClosed', 'tech.coverOpen'),
    },
    { id: 'paper', label: t('tech.paper'), ...paper },
    {
      id: 'cutter',
      label: t('tech.cutter'),
      ...pick(s.cutterError, 'tech.cutterOk', 'tech.cutterBad'),
    },
    {
      id: 'error',
      label: t('tech.error'),
      ...pick(s.unrecoverableError, 'tech.errorNone', 'tech.errorBad'),
    },
  ];
}

/** Live printer status: big tiles when known, otherwise why not and how to fix it. */
export function StatusTiles({ status }: { status: PrinterStatusView }) {
  const { t } = useTranslation();
  if (!status.known) {
    return (
      <div className="tech-unknown" role="alert" data-testid="tech-status-unknown">
        <div className="tech-unknown-title">
          {t('tech.unknown')} <code>{status.errorCode}</code>
        </div>
        {status.reasonZh ? <div className="tech-unknown-reason">{status.reasonZh}</div> : null}
        {status.hint ? (
          <div className="tech-hint" data-testid="tech-hint">
            {t('tech.hint')}
            {status.hint}
          </div>
        ) : null}
      </div>
    );
  }
  return (
    <>
      <div className="tech-tiles" data-testid="tech-status">
        {tiles(status, t).map((tile) => (
          <div
            key={tile.id}
            className={`tech-tile tone-${tile.tone}`}
            data-testid={`tile-${tile.id}`}
            data-tone={tile.tone}
          >
            <span className="tile-label">{tile.label}</span>
            <span className="tile-value">{tile.value}</span>
          </div>
        ))}
      </div>
      {status.words.length > 0 ? (
        <div className="tech-words" data-testid="tech-words">
          {status.words.join(' · ')}
        </div>
      ) : null}
    </>
  );
}
