import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { GatewayForm } from '../components/setup/GatewayForm';
import { ModeFacts } from '../components/setup/ModeFacts';
import { useKeys } from '../hooks';
import { useActions, useTill } from '../state/react';

/** F10: the supervisor enters the acquirer's details and key; they apply at the next start. */
export function SetupScreen() {
  const { t } = useTranslation();
  const info = useTill((s) => s.gatewayInfo);
  const busy = useTill((s) => s.setupBusy);
  const error = useTill((s) => s.setupError);
  const saved = useTill((s) => s.setupSaved);
  const a = useActions();
  const { openSetup } = a;
  useEffect(() => void openSetup(), [openSetup]);
  useKeys((e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    a.goTo('checkout');
  });

  return (
    <main className="screen setup">
      <section className="tech-left">
        <div className="tech-title">
          <h1 className="sv-title">{t('setup.title')}</h1>
          <button
            type="button"
            className="btn btn-plain tech-back"
            onClick={() => a.goTo('checkout')}
          >
            <kbd>{t('keys.esc')}</kbd> {t('setup.back')}
          </button>
        </div>
        {info ? <ModeFacts info={info} /> : null}
        {saved ? (
          <div className="setup-saved" role="status" data-testid="setup-saved">
            {t('setup.saved')}
          </div>
        ) : info?.restartRequired ? (
          <div className="setup-saved" role="status">
            {t('setup.restart')}
          </div>
        ) : null}
      </section>
      <section className="tech-right">
        {info ? (
          <GatewayForm
            key={info.protocol ?? 'new'}
            info={info}
            busy={busy}
            onSave={(input) => void a.saveGateway(input)}
          />
        ) : null}
        {error ? (
          <div className="field-error" role="alert" data-testid="setup-error">
            {error.messageZh}
            <span className="field-error-code">
              {error.field ? `${error.field}: ` : ''}
              {error.message}
            </span>
          </div>
        ) : null}
      </section>
    </main>
  );
}
