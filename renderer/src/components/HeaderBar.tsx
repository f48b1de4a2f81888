import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keepFocus } from '../hooks';
import { useTill } from '../state/react';
import { PrinterPill } from './PrinterPill';
import { CaseBadge } from './cases/CaseBadge';
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
  const user = useTill((s) => s.session?.user ?? null);
  const shift = useTill((s) => s.shift);
  const signOut = useTill((s) => s.signOut);
  const goTo = useTill((s) => s.goTo);
  const [codesOpen, setCodesOpen] = useState(false);
  return (
    <header className="header-bar">
      <div className="header-store">
        <span className="store-name">{info?.storeName ?? t('header.loading')}</span>
        {user ? (
          <span className="header-meta" data-testid="header-user">
            {t(`role.${user.role}`)}：<strong>{user.name}</strong> {user.userId}
            {user.role !== 'technician' ? (
              <span className={`shift-chip shift-${shift?.state ?? 'NONE'}`}>
                {shift ? t(`shift.state.${shift.state}`) : t('session.noShift')}
              </span>
            ) : null}
          </span>
        ) : null}
      </div>
      {info ? <PrinterPill label={info.printer} /> : null}
      <div className="header-right">
        <CaseBadge />
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
        {user ? (
          <button
            type="button"
            className="signout-button"
            onMouseDown={keepFocus}
            onClick={() => void signOut()}
            data-testid="sign-out"
          >
            {t('session.signOut')}
          </button>
        ) : null}
        <button
          type="button"
          className="lang-toggle"
          onMouseDown={keepFocus}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          aria-label={t('header.lang')}
        >
          <span className="lang-long">{t('header.lang')}</span>
          <span className="lang-short">{t('header.langShort')}</span>
        </button>
      </div>
      {info?.sandbox && codesOpen ? (
        <SandboxPanel codes={info.sandboxCodes} onClose={() => setCodesOpen(false)} />
      ) : null}
    </header>
  );
}
