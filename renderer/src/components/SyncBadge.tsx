import { useTranslation } from 'react-i18next';
import { useTill } from '../state/react';
import { syncAge } from './syncAge';

/**
 * The header's store link: green when synced, amber while changes wait (the till goes on
 * selling), red when the server refused. Nothing at all for a till that works alone.
 */
export function SyncBadge() {
  const { t } = useTranslation();
  const s = useTill((x) => x.sync);
  if (!s || s.state === 'off') return null;
  const tone = s.state === 'synced' ? 'ok' : s.state === 'error' ? 'bad' : 'warn';
  const showCount = (s.state === 'sending' || s.state === 'offline') && s.pending > 0;
  const showLag = s.state !== 'synced' && s.lagMs !== null && s.lagMs >= 10_000;
  return (
    <div
      className={`sync-badge sync-${tone}`}
      data-testid="sync-badge"
      data-state={s.state}
      title={t('sync.headerTitle', { server: s.server ?? '' })}
    >
      <span className="sync-dot" aria-hidden="true" />
      <span>{t(`sync.${s.state}`)}</span>
      {/* What waits and since when: the header drops them on narrow screens (sizes.css); the
          technician's panel always has them. */}
      {showCount ? (
        <span className="sync-count">{t('sync.waiting', { count: s.pending })}</span>
      ) : null}
      {showLag ? (
        <span className="sync-lag">{t('sync.lag', { time: syncAge(t, s.lagMs ?? 0) })}</span>
      ) : null}
    </div>
  );
}
