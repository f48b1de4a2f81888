import { useTranslation } from 'react-i18next';
import { keepFocus } from '../../hooks';
import { useActions, useTill } from '../../state/react';

/** Header: how many cases are unresolved; a tap opens the list. Hidden when there are none. */
export function CaseBadge() {
  const { t } = useTranslation();
  const open = useTill((s) => s.openCases);
  const signedIn = useTill((s) => Boolean(s.session?.user));
  const actions = useActions();
  // The list is for the staff at the till: nothing to open on the sign-in screen.
  if (open === 0 || !signedIn) return null;
  return (
    <button
      type="button"
      className="case-badge"
      data-testid="case-badge"
      onMouseDown={keepFocus}
      onClick={() => {
        actions.goTo('cases');
        void actions.loadCases();
      }}
    >
      {/* A narrow header shows the short label (sizes.css). */}
      <span className="case-badge-long">{t('cases.badge')}</span>
      <span className="case-badge-short">{t('cases.badgeShort')}</span>
      <strong className="num">{open}</strong>
    </button>
  );
}
