import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyButton } from '../components/KeyButton';
import { AuditTable } from '../components/access/AuditTable';
import { keepFocus, useKeys } from '../hooks';
import { useActions, useTill } from '../state/react';

/** The supervisor's trail: who did what (and who approved it), and whether the chain holds. */
export function AuditScreen() {
  const { t } = useTranslation();
  const verdict = useTill((s) => s.auditVerdict);
  const hasMore = useTill((s) => s.auditHasMore);
  const actions = useActions();
  const [f, setF] = useState({ actor: '', action: '', from: '', to: '' });
  useEffect(() => {
    void actions.loadAudit({});
    void actions.verifyAudit();
  }, [actions]);
  const apply = () => void actions.loadAudit(f);
  useKeys((e) => {
    if (e.key === 'Enter') apply();
    else if (e.key === 'PageDown' && hasMore) void actions.loadAudit(undefined, true);
    else if (e.key === 'Escape') actions.goTo('supervisor');
    else return;
    e.preventDefault();
  });
  const field = (k: keyof typeof f, type = 'text') => (
    <label className="filter-field">
      <span>{t(`audit.${k}`)}</span>
      <input
        type={type}
        value={f[k]}
        onChange={(e) => setF({ ...f, [k]: e.target.value })}
        data-testid={`audit-${k}`}
      />
    </label>
  );
  return (
    <main className="screen audit-screen">
      <section className="sv-left wide">
        <div className="audit-head">
          <h1 className="sv-title">{t('audit.title')}</h1>
          {verdict ? (
            <span
              className={`chain-verdict ${verdict.ok ? 'ok' : 'bad'}`}
              data-testid="audit-verdict"
            >
              {verdict.ok
                ? t('audit.verifyOk', { rows: verdict.rows })
                : t('audit.verifyBad', {
                    id: verdict.firstBad?.id,
                    problem: t(`audit.problem.${verdict.firstBad?.problem ?? 'changed'}`),
                  })}
              {verdict.legacyRows ? ` · ${t('audit.legacy', { n: verdict.legacyRows })}` : ''}
            </span>
          ) : null}
          <button
            type="button"
            className="btn btn-plain small"
            onMouseDown={keepFocus}
            onClick={() => void actions.verifyAudit()}
          >
            {t('audit.verify')}
          </button>
        </div>
        <div className="filters">
          {field('actor')}
          {field('action')}
          {field('from', 'date')}
          {field('to', 'date')}
          <button
            type="button"
            className="btn btn-primary small"
            onMouseDown={keepFocus}
            onClick={apply}
            data-testid="audit-apply"
          >
            <kbd>{t('keys.enter')}</kbd> {t('audit.filter')}
          </button>
        </div>
        <AuditTable />
        <div className="row-actions">
          <KeyButton
            keyCap="Esc"
            label={t('audit.back')}
            onPress={() => actions.goTo('supervisor')}
          />
          <KeyButton
            keyCap="PgDn"
            label={t('audit.more')}
            disabled={!hasMore}
            onPress={() => void actions.loadAudit(undefined, true)}
          />
        </div>
      </section>
    </main>
  );
}
