import { useTranslation } from 'react-i18next';
import { keepFocus } from '../hooks';

interface Props {
  message: string;
  yes: string;
  no: string;
  onYes(): void;
  onNo(): void;
}

/** A modal question answered with Enter / Esc (the screen's key handler) or a tap. */
export function ConfirmDialog({ message, yes, no, onYes, onNo }: Props) {
  const { t } = useTranslation();
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-label={message}>
        <p className="dialog-message">{message}</p>
        <div className="dialog-actions">
          <button type="button" className="btn btn-plain" onMouseDown={keepFocus} onClick={onNo}>
            <kbd>{t('keys.esc')}</kbd> {no}
          </button>
          <button type="button" className="btn btn-danger" onMouseDown={keepFocus} onClick={onYes}>
            <kbd>{t('keys.enter')}</kbd> {yes}
          </button>
        </div>
      </div>
    </div>
  );
}
