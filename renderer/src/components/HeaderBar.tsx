import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keepFocus } from '../hooks';
import { useTill } from '../state/react';
import { PrinterPill } from './PrinterPill';
import { SandboxPanel } from './SandboxPanel';
import { SyncBadge } from './SyncBadge';

/**
 * Always visible: which shop, who is at the till, and whether money is real. Which printer is
 * the technician's detail (F9 shows it), not the cashier's.
 */
export function HeaderBar() {
  const { t } = useTranslation();
  const info = useTill((s) => s.info);
  const lang = useTill((s) => s.lang);
  const setLang = useTill((s) => s.setLang);
  const goTo = useTill((s) => s.goTo);
  const [codesOpen, setCodesOpen] = useState(false);
  return (
    <header className="header-bar">
      <div className="header-store">
        <span className="store-name">{info?.storeName ?? t('header.loading')}</span>
        {info ? (
          <span className="header-meta">
            {t('header.cashier')}
            <strong>{info.cashier}</strong>
          </span>
        ) : null}
      </div>
      {info ? <PrinterPill label={info.printer} /> : null}
      <div className="header-right">
        {info?.mode === 'setup' ? (
          <button
            type="button"
            className="setup-badge"
            title={info.modeReason}
            onMouseDown={keepFocus}
            onClick={() => goTo('setup')}
            data-testid="setup-badge"
          >
            {t('setup.badge')}
          </button>
        ) : null}
        <SyncBadge />
        {info?.sandbox ? (
          <button
            type="button"
            className="sandbox-badge"
            aria-expanded={codesOpen}
            onMouseDown={keepFocus}
            onClick={() => setCodesOpen((o) => !o)}
          >
            {t('header.sandbox')} <span className="caret">{codesOpen ? '▲' : '▼'}</span>
          </button>
        ) : null}
        <button
          type="button"
          className="lang-toggle"
          onMouseDown={keepFocus}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {t('header.lang')}
        </button>
      </div>
      {info?.sandbox && codesOpen ? (
        <SandboxPanel codes={info.sandboxCodes} onClose={() => setCodesOpen(false)} />
      ) : null}
    </header>
  );
}
