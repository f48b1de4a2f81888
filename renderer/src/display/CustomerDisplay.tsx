import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayState } from '../../../shared/selling/schemas';
import { formatFen } from '../../../shared/money';

const weight = (g: number | null) => (g === null ? '' : `${(g / 1000).toFixed(3)}kg`);

/** 客显: what the customer sees — goods and what to pay, then 支付成功. Read-only. */
export function CustomerDisplay({ state }: { state: DisplayState | null }) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  const lines = state?.lines.length ?? 0;
  // The newest goods stay in view: the list follows its last line.
  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [lines]);
  if (!state) return <main className="cd cd-idle" />;
  const sandbox = state.sandbox ? (
    <div className="cd-sandbox" data-testid="cd-sandbox">
      {t('display.sandbox')} · SANDBOX
    </div>
  ) : null;
  if (state.phase === 'idle') {
    return (
      <main className="cd cd-idle" data-phase="idle">
        {sandbox}
        <div className="cd-welcome">{t('display.welcome')}</div>
        <div className="cd-store">{state.storeName}</div>
      </main>
    );
  }
  if (state.phase === 'paid') {
    return (
      <main className="cd cd-paid" data-phase="paid">
        {sandbox}
        <div className="cd-check" aria-hidden="true">
          ✓
        </div>
        <div className="cd-paid-title" data-testid="cd-paid">
          {t('display.paid')}
        </div>
        <div className="cd-paid-amount">
          {t('display.paidAmount')} <strong className="num">{formatFen(state.paidFen)}</strong>
        </div>
        {state.changeFen > 0 ? (
          <div className="cd-change" data-testid="cd-change">
            {t('display.change')} <strong className="num">{formatFen(state.changeFen)}</strong>
          </div>
        ) : null}
        <div className="cd-thanks">{t('display.thanks')}</div>
      </main>
    );
  }
  return (
    <main className="cd cd-sale" data-phase={state.phase}>
      {sandbox}
      <section className="cd-lines">
        <div className="cd-store-small">{state.storeName}</div>
        <ol className="cd-list" data-testid="cd-lines" ref={list}>
          {state.lines.map((l, i) => (
            <li key={i} className="cd-line">
              <span className="cd-name">{l.name}</span>
              <span className="cd-qty num">
                {l.weightG !== null ? weight(l.weightG) : `×${l.qty}`}
              </span>
              <span className="cd-amount num">{formatFen(l.totalFen)}</span>
            </li>
          ))}
        </ol>
      </section>
      <aside className="cd-total">
        <div className="cd-count">{t('display.items', { count: state.itemCount })}</div>
        {state.discountFen > 0 ? (
          <div className="cd-saved">
            {t('display.saved')} <strong className="num">{formatFen(state.discountFen)}</strong>
          </div>
        ) : null}
        <div className="cd-due-label">{t('display.due')}</div>
        <div className="cd-due num" data-testid="cd-due">
          {formatFen(state.dueFen)}
        </div>
        {state.phase === 'paying' ? <div className="cd-note">{t('display.paying')}</div> : null}
        {state.phase === 'failed' ? <div className="cd-note bad">{t('display.failed')}</div> : null}
      </aside>
    </main>
  );
}
