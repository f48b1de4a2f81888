import { useTranslation } from 'react-i18next';
import { useTill } from '../state/react';

/**
 * The header's printer: its state as the till last learnt it (asked before and after every
 * job, and while idle) and how many receipts are still owed. Never green for a printer that
 * does not answer; the printer's address is in the tooltip.
 */
export function PrinterPill({ label }: { label: string }) {
  const { t } = useTranslation();
  const summary = useTill((s) => s.printSummary);
  const health = summary?.printer;
  const state = health?.state ?? 'unknown';
  const tone = state === 'ready' ? 'ok' : state === 'unknown' ? 'idle' : 'bad';
  const why =
    health?.reasonCode && state === 'not-ready'
      ? t(`printerPill.${health.reasonCode}`, { defaultValue: t('printerPill.not-ready') })
      : t(`printerPill.${state}`);
  return (
    <div
      className={`printer-pill printer-pill-${tone}`}
      title={[label, health?.reasonText].filter(Boolean).join('\n')}
      data-testid="printer-pill"
      data-state={state}
      role="status"
    >
      <span className="printer-pill-dot" aria-hidden="true" />
      <span>
        {t('printerPill.label')}：<strong data-testid="printer-state">{why}</strong>
        {health?.paperNearEnd ? (
          <span className="printer-pill-note">{t('printerPill.paperNear')}</span>
        ) : null}
      </span>
      {summary && summary.waiting > 0 ? (
        <span className="printer-pill-count" data-testid="receipts-waiting">
          <span className="printer-pill-long">
            {t('printerPill.waiting', { count: summary.waiting })}
          </span>
          <span className="printer-pill-short">
            {t('printerPill.waitingShort', { count: summary.waiting })}
          </span>
        </span>
      ) : null}
      {summary && summary.toDecide > 0 ? (
        <span className="printer-pill-count printer-pill-decide" data-testid="receipts-to-decide">
          {t('printerPill.toDecide', { count: summary.toDecide })}
        </span>
      ) : null}
    </div>
  );
}
