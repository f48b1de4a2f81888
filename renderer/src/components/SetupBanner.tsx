import { useTranslation } from 'react-i18next';
import { KeyButton } from './KeyButton';

/** Setup mode on the checkout: no payment is taken, and the cashier is told so before trying. */
export function SetupBanner({ onOpen }: { onOpen(): void }) {
  const { t } = useTranslation();
  return (
    <div className="setup-banner" role="status" data-testid="setup-banner">
      <strong>{t('setup.bannerTitle')}</strong>
      <span>{t('setup.bannerText')}</span>
      <KeyButton keyCap="F1" label={t('setup.open')} onPress={onOpen} />
    </div>
  );
}
