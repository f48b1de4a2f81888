import { useTranslation } from 'react-i18next';
import { useTill } from '../../state/react';

/** Detail cells stay short: the values a change replaced and the ones it set. */
const brief = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = JSON.stringify(v);
  return s.length > 90 ? `${s.slice(0, 88)}…` : s;
};

export function AuditTable() {
  const { t } = useTranslation();
  const rows = useTill((s) => s.auditRows);
  if (rows.length === 0) return <p className="sv-empty">{t('audit.empty')}</p>;
  return (
    <div className="sv-scroll">
      <table className="data-table audit-table" data-testid="audit-table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('audit.colTime')}</th>
            <th>{t('audit.colWho')}</th>
            <th>{t('audit.colRole')}</th>
            <th>{t('audit.colApprover')}</th>
            <th>{t('audit.colAction')}</th>
            <th>{t('audit.colSubject')}</th>
            <th>{t('audit.colDetail')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-action={r.action}>
              <td className="num">{r.id}</td>
              <td className="num">{new Date(r.at).toLocaleString('zh-CN')}</td>
              <td>
                {r.actorName ?? ''} <span className="num">{r.actor}</span>
              </td>
              <td>{r.role ? t(`role.${r.role}`, { defaultValue: r.role }) : ''}</td>
              <td className="num">{r.approver ?? ''}</td>
              <td className="mono">{r.action}</td>
              <td className="mono">{r.subject ?? ''}</td>
              <td className="mono detail">
                {[brief(r.before), brief(r.after), brief(r.detail)].filter(Boolean).join(' → ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
