import { useTranslation } from 'react-i18next';
import type { PrinterList } from '../../../../shared/domain';

interface Props {
  list: PrinterList;
  onUse(uri: string): void;
}

/** What 查找打印机 found on USB and serial, and why a bus could not be listed. */
export function PrinterFinder({ list, onUse }: Props) {
  const { t } = useTranslation();
  const use = (uri: string) => (
    <button type="button" className="btn btn-plain btn-small" onClick={() => onUse(uri)}>
      {t('tech.use')}
    </button>
  );
  return (
    <div className="tech-found" data-testid="tech-found">
      <h3>{t('tech.usb')}</h3>
      {list.usb.length === 0 ? <p className="tech-none">{t('tech.noneFound')}</p> : null}
      <ul>
        {list.usb.map((u) => (
          <li key={u.uri}>
            <span className="mono">{u.uri}</span> {u.name}{' '}
            <span className="tech-soft">{u.bidirectional ? t('tech.bidi') : t('tech.uni')}</span>
            {use(u.uri)}
          </li>
        ))}
      </ul>
      <h3>{t('tech.serial')}</h3>
      {list.serial.length === 0 ? <p className="tech-none">{t('tech.noneFound')}</p> : null}
      <ul>
        {list.serial.map((s) => (
          <li key={s.uri}>
            <span className="mono">{s.path}</span> {s.name}
            {use(s.uri)}
          </li>
        ))}
      </ul>
      {list.problems.map((p) => (
        <p key={p} className="tech-problem" role="note">
          {t('tech.problems')}
          {p}
        </p>
      ))}
    </div>
  );
}
