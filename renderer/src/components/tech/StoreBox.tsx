import { useTranslation } from 'react-i18next';
import type { BackupFile, StoreCheck } from '../../../../shared/api/store';

/** The full integrity check's answer (or a fresh backup), with the rolling backups to restore from. */
export function StoreBox({
  check,
  backup,
  onClose,
}: {
  check: StoreCheck | null;
  backup: BackupFile | null;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog report-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('store.title')}
      >
        <h2>{t('store.title')}</h2>
        <div className="store-result" data-testid="store-result">
          {backup ? (
            <p>
              {t('store.backedUp')}
              <span className="mono">{backup.file}</span>
            </p>
          ) : null}
          {check ? (
            <>
              <strong className={check.ok ? 'mode-live' : 'mode-setup'}>
                {check.ok ? t('store.ok') : t('store.damaged')}
              </strong>
              {check.problems.length > 0 ? (
                <ul className="mono">
                  {check.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              ) : null}
              <span className="tech-soft mono">
                {check.file} ·{' '}
                {t('store.took', { ms: check.ms, mb: (check.bytes / 1e6).toFixed(1) })}
              </span>
              <h3 className="sv-h2">{t('store.backups')}</h3>
              {check.backups.length === 0 ? (
                <p>{t('store.noBackups')}</p>
              ) : (
                <ul className="mono">
                  {check.backups.map((b) => (
                    <li key={b.file}>
                      {b.at} · {(b.bytes / 1e6).toFixed(1)} MB · {b.file}
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : null}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn btn-plain" onClick={onClose}>
            <kbd>{t('keys.esc')}</kbd> {t('store.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
