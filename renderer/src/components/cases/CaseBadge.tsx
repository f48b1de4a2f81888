import { useTranslation } from 'react-i18next';
import { keepFocus } from '../../hooks';
import { useActions, useTill } from '../../state/react';

/** Header: how many cases are unresolved; a tap opens the list. Hidden when there are none. */
export function CaseBadge() {
  const { t } = useTranslation();
  const open = useTill((s) => s.openCases);
  const actions = useActions();
  if (open === 0) return null;
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
      {t('cases.badge')} <strong className="num">{open}</strong>
    </button>
  );
}
