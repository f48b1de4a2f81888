import { useTranslation } from 'react-i18next';
import type { GatewayInfo } from '../../../../shared/api/setup';

/** How the till takes money right now, why, and where its keys are kept. */
export function ModeFacts({ info }: { info: GatewayInfo }) {
  const { t } = useTranslation();
  const mode = {
    live: t('setup.modeLive'),
    sandbox: t('setup.modeSandbox'),
    setup: t('setup.modeSetup'),
  }[info.mode];
  return (
    <dl className="tech-facts setup-facts">
      <dt>{t('setup.mode')}</dt>
      <dd>
        <strong className={`mode-${info.mode}`} data-testid="setup-mode">
          {mode}
        </strong>
      </dd>
      <dt>{t('setup.why')}</dt>
      <dd className="mono setup-why">{info.reason}</dd>
      <dt>{t('setup.keyStore')}</dt>
      <dd>
        {info.keyStore === 'safeStorage' ? t('setup.keySafe') : t('setup.keyFile')}
        <div className="mono tech-soft">{info.keyFile}</div>
      </dd>
    </dl>
  );
}
