import { useTranslation } from 'react-i18next';
import { useActions, useTill } from '../state/react';
import { KeyButton } from './KeyButton';

/**
 * The cash drawer of the sale on screen: opened, or — at once, in red — that it did not open,
 * why, and a retry (F7). The retry is only offered for this sale's failed opening.
 */
export function DrawerNotice() {
  const { t } = useTranslation();
  const drawer = useTill((s) => s.drawer);
  const busy = useTill((s) => s.drawerBusy);
  const a = useActions();
  if (!drawer) return null;
  if (drawer.ok) {
    return (
      <div className="drawer-note drawer-ok" data-testid="drawer-note" data-ok="true">
        {t('drawer.opened')}
      </div>
    );
  }
  return (
    <div className="drawer-note drawer-bad" role="alert" data-testid="drawer-note" data-ok="false">
      <div className="drawer-why">
        <strong>{t('drawer.failed')}</strong>
        <div>{drawer.errorText}</div>
      </div>
      <KeyButton
        keyCap="F7"
        tone="danger"
        label={busy ? t('drawer.retrying') : t('drawer.retry')}
        disabled={busy}
        onPress={() => void a.retryDrawer()}
      />
    </div>
  );
}
