import { useTranslation } from 'react-i18next';
import { useTill } from '../../state/react';
import { PrintStatus } from '../PrintStatus';
import { StatusTiles } from './StatusTiles';

/** Which printer and paper are in use, its live status, and how the last test ended. */
export function PrinterHead() {
  const { t } = useTranslation();
  const info = useTill((s) => s.printerInfo);
  const status = useTill((s) => s.printerStatus);
  const test = useTill((s) => s.testResult);
  const profile = info?.profiles.find((p) => p.id === info.profile);
  return (
    <div className="tech-head">
      <dl className="tech-facts">
        <dt>{t('tech.current')}</dt>
        <dd data-testid="tech-printer">
          <span className="mono">{info?.label ?? '…'}</span>
          {info?.virtual ? <div className="tech-badge">{t('tech.virtual')}</div> : null}
        </dd>
        <dt>{t('tech.profile')}</dt>
        <dd data-testid="tech-current-profile">
          {profile ? `${profile.name}（${profile.columns}）` : (info?.profile ?? '…')}
          {info ? ` · ${t('tech.font')} ${info.font}` : null}
        </dd>
        {test?.job ? (
          <>
            <dt>{t('tech.testResult')}</dt>
            <dd data-testid="tech-test-result">
              <PrintStatus job={test.job} />
            </dd>
          </>
        ) : null}
        {test?.drawer ? (
          <>
            <dt>{t('drawer.test')}</dt>
            <dd data-testid="tech-drawer-result" data-ok={String(test.drawer.ok)}>
              {test.drawer.ok
                ? `${t('drawer.opened')} · ${test.drawer.command ?? ''} ${test.drawer.hex ?? ''}`
                : (test.drawer.errorText ?? t('drawer.failed'))}
              {test.drawer.command === 'DLE DC4' ? (
                <div className="tech-soft">{t('drawer.realtime')}</div>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      <div className="tech-status-head">
        <span>{t('tech.status')}</span>
        {status ? (
          <span className="tech-soft" data-testid="tech-checked">
            {t('tech.checkedAt', { time: new Date(status.checkedAt).toLocaleTimeString('zh-CN') })}
          </span>
        ) : null}
      </div>
      {status ? <StatusTiles status={status} /> : <div className="tech-tiles-wait">…</div>}
    </div>
  );
}
