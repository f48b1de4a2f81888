import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/domain';
import { keepFocus } from '../hooks';

interface Props {
  codes: AppInfo['sandboxCodes'];
  onClose(): void;
}

/** For trainees: which sandbox payment code makes the pretend customer do what. */
export function SandboxPanel({ codes, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  return (
    <div className="sandbox-panel" role="region" aria-label={t('header.sandboxCodes')}>
      <div className="sandbox-panel-head">
        <strong>{t('header.sandboxCodes')}</strong>
        <button type="button" className="panel-close" onMouseDown={keepFocus} onClick={onClose}>
          ×
        </button>
      </div>
      <table className="sandbox-table">
        <thead>
          <tr>
            <th>{t('header.suffix')}</th>
            <th>{t('header.behaviour')}</th>
            <th>{t('header.wechat')}</th>
            <th>{t('header.alipay')}</th>
          </tr>
        </thead>
        <tbody>
          {codes.map((c) => (
            <tr key={c.suffix}>
              <td className="num">{c.suffix}</td>
              <td>{zh ? c.labelZh : c.label}</td>
              <td className="num code">{c.wechat}</td>
              <td className="num code">{c.alipay}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sandbox-note">{t('header.singleUse')}</p>
    </div>
  );
}
