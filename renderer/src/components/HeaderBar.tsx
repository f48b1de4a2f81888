import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keepFocus } from '../hooks';
import { useTill } from '../state/react';
import { SandboxPanel } from './SandboxPanel';
import { SyncBadge } from './SyncBadge';

/** Always visible: which shop, who is at the till, which printer, and whether money is real. */
export function HeaderBar() {
  const { t } = useTranslation();
  const info = useTill((s) => s.info);
  const lang = useTill((s) => s.lang);
  const setLang = useTill((s) => s.setLang);
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
      {info ? (
        <div className="header-printer" title={info.printer}>
          {t('header.printer')}
          <strong>{info.printer}</strong>
        </div>
      ) : null}
      <div className="header-right">
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
