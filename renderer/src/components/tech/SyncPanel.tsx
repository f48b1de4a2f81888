import { useTranslation } from 'react-i18next';
import { useTill } from '../../state/react';
import { syncAge } from '../syncAge';

const when = (iso: string | null, never: string) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : never;

/** The technician's view of the store database link: where, how far behind, why not. */
export function SyncPanel() {
  const { t } = useTranslation();
  const s = useTill((x) => x.sync);
  if (!s) return null;
  const never = t('sync.never');
  return (
    <section className="tech-sync" data-testid="tech-sync" aria-label={t('sync.panel')}>
      <h2 className="sv-h2">{t('sync.panel')}</h2>
      {s.state === 'off' ? (
        <p className="tech-sync-note">{t('sync.notConfigured')}</p>
      ) : (
        <dl className="tech-sync-facts">
          <dt>{t('sync.server')}</dt>
          <dd className="mono">{s.server}</dd>
          <dt>{t('sync.till')}</dt>
          <dd className="num">{s.tillNo}</dd>
          <dt>{t('sync.state')}</dt>
          <dd data-testid="tech-sync-state">
            <span className={`state-chip sync-chip-${s.state}`}>
              {t(`sync.stateNames.${s.state}`)}
            </span>
          </dd>
          <dt>{t('sync.pending')}</dt>
          <dd className="num">{t('sync.pendingValue', { count: s.pending })}</dd>
          <dt>{t('sync.lagLabel')}</dt>
          <dd className="num">{s.lagMs === null ? t('sync.none') : syncAge(t, s.lagMs)}</dd>
          <dt>{t('sync.lastPush')}</dt>
          <dd className="num">{when(s.lastPushAt, never)}</dd>
          <dt>{t('sync.lastPull')}</dt>
          <dd className="num">{when(s.lastPullAt, never)}</dd>
          <dt>{t('sync.version')}</dt>
          <dd className="num">{s.sharedVersion === null ? never : `v${s.sharedVersion}`}</dd>
          {s.error ? (
            <>
              <dt>{t('sync.errorLabel')}</dt>
              <dd className="mono tech-sync-error">
                {s.error.code}: {s.error.message}
              </dd>
              <dt>{t('sync.retryAt')}</dt>
              <dd className="num">{when(s.retryAt, never)}</dd>
            </>
          ) : null}
        </dl>
      )}
      <p className="tech-sync-note">{t('sync.keepsSelling')}</p>
    </section>
  );
}
