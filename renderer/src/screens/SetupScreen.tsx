import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { GatewayForm } from '../components/setup/GatewayForm';
import { ModeFacts } from '../components/setup/ModeFacts';
import { useKeys } from '../hooks';
import { useActions, useTill } from '../state/react';

/** 收款设置 (checkout F1 in setup mode, supervisor screen F1): the supervisor enters the acquirer's details and key; they apply at the next start. */
export function SetupScreen() {
  const { t } = useTranslation();
  const info = useTill((s) => s.gatewayInfo);
  const busy = useTill((s) => s.setupBusy);
  const error = useTill((s) => s.setupError);
  const saved = useTill((s) => s.setupSaved);
  // The acquirer's details are the supervisor's (and the technician's) to read and enter: a
  // cashier who presses F1 in setup mode is told whom to call, not refused with an empty screen.
  const role = useTill((s) => s.session?.user?.role);
  const allowed = role === 'supervisor' || role === 'technician';
  const a = useActions();
  const { openSetup } = a;
  useEffect(() => {
    if (allowed) void openSetup();
  }, [openSetup, allowed]);
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
        {!allowed ? (
          <p className="setup-ask" role="status" data-testid="setup-ask">
            {t('setup.askSupervisor')}
          </p>
        ) : null}
        {allowed && info ? <ModeFacts info={info} /> : null}
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
        {allowed && info ? (
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
