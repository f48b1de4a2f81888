import { useTranslation } from 'react-i18next';
import type { PrinterStatusView } from '../../../../shared/domain';
import { printReasonFor } from '../../i18n/reasons';
import { useKeys } from '../../hooks';
import { useActions } from '../../state/react';
import type { Wizard } from '../../state/types';
import { KeyButton } from '../KeyButton';
import { PrintStatus } from '../PrintStatus';
import { chinaTime } from './Findings';

const ready = (s: PrinterStatusView): boolean =>
  s.known &&
  s.online === true &&
  !s.coverOpen &&
  !s.paperEnd &&
  !s.cutterError &&
  !s.unrecoverableError;

/** What to do about the printer, in the order a cashier can act on it. */
function advice(s: PrinterStatusView): string[] {
  if (!s.known) return ['recovery.adviceUnknown'];
  const out: string[] = [];
  if (s.coverOpen) out.push('recovery.adviceCover');
  if (s.paperEnd) out.push('recovery.advicePaper');
  else if (s.paperNearEnd) out.push('recovery.adviceNearEnd');
  if (s.online === false && !s.coverOpen && !s.paperEnd) out.push('recovery.adviceOffline');
  if (s.cutterError || s.unrecoverableError) out.push('recovery.adviceCutter');
  return out.length > 0 ? out : ['recovery.adviceReady'];
}

/** e. print.txt, the receipt template in use, the live printer status — then reprint (重打印). */
export function PrinterStep({ wizard }: { wizard: Wizard }) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const c = wizard.printer;
  useKeys((e) => {
    if (e.key === 'F5') void actions.runPrinterCheck();
    else if (e.key === 'F7' && c) void actions.reprintFromWizard();
    else return;
    e.preventDefault();
  });
  if (!c)
    return (
      <section className="rc-step">
        <p className="rc-wait">
          <span className="spinner small" />
        </p>
      </section>
    );
  const job = wizard.reprintJob;
  const shown = c.printTxt.holdsThisOrder ? c.printTxt : c.archived;
  return (
    <section className="rc-step rc-printer" data-step="printer">
      <h2 className="rc-question">{t('recovery.printerTitle')}</h2>
      <div className="rc-checks">
        <div className="rc-card" data-testid="rc-print-txt" data-exists={c.printTxt.exists}>
          <h3>
            {t('recovery.printTxt')}{' '}
            <span className={c.printTxt.exists ? 'ok' : 'bad'}>
              {c.printTxt.exists ? t('recovery.printTxtYes') : t('recovery.printTxtNo')}
            </span>
          </h3>
          <dl className="rc-facts small">
            <dt>{t('recovery.printTxtPath')}</dt>
            <dd className="mono">{c.printTxt.path}</dd>
            <dt>{t('recovery.printTxtTime')}</dt>
            <dd className="num">{chinaTime(c.printTxt.modifiedAt)}</dd>
            {!c.printTxt.holdsThisOrder && c.archived.path ? (
              <>
                <dt>{t('recovery.archived')}</dt>
                <dd className="mono">{c.archived.path}</dd>
              </>
            ) : null}
          </dl>
          {!c.printTxt.holdsThisOrder && c.printTxt.exists ? (
            <p className="rc-hint">{t('recovery.printTxtOther')}</p>
          ) : null}
          {shown.content ? (
            <pre className="rc-txt" data-testid="rc-print-txt-content">
              {shown.content}
            </pre>
          ) : null}
        </div>
        <div className="rc-side">
          <div className="rc-card" data-testid="rc-template" data-kind={c.template.kind}>
            <h3>{t('recovery.template')}</h3>
            <p className="strong">
              {c.template.kind === 'custom'
                ? t('recovery.templateCustom')
                : t('recovery.templateDefault')}
              ：{c.template.name}
            </p>
            {c.template.file ? (
              <p className="rc-hint">
                {t('recovery.templateFile')}：<span className="mono">{c.template.file}</span>
              </p>
            ) : null}
            {c.template.problem ? (
              <p className="rc-error" data-testid="rc-template-problem">
                ⚠ {c.template.problem}
              </p>
            ) : null}
          </div>
          <div className="rc-card" data-testid="rc-printer-status">
            <h3>{t('recovery.status')}</h3>
            {/* Plain words for the cashier; the bits behind them are on the technician screen. */}
            <p
              className={`strong ${!c.status.known ? 'rc-error' : ready(c.status) ? 'ok' : 'bad'}`}
            >
              {!c.status.known
                ? `${t('recovery.statusUnknown')}：${c.status.reasonZh ?? c.status.errorCode ?? ''}`
                : ready(c.status)
                  ? t('recovery.statusReady')
                  : t('recovery.statusNotReady')}
            </p>
            <ul className="rc-advice">
              {advice(c.status).map((k) => (
                <li key={k}>{t(k)}</li>
              ))}
            </ul>
            {c.job ? (
              <p className="rc-hint">
                {t('recovery.lastJob')}：<PrintStatus job={c.job} brief />
                {c.job.state === 'FAILED' ? ` ${printReasonFor(c.job, i18n.language) ?? ''}` : null}
              </p>
            ) : null}
          </div>
          {job ? (
            <p
              className={`rc-verdict ${job.state === 'PRINTED' ? 'ok' : ['QUEUED', 'SENDING', 'WAITING'].includes(job.state) ? '' : 'bad'}`}
              data-testid="rc-reprint"
              data-state={job.state}
            >
              {job.state === 'PRINTED'
                ? t('recovery.reprinted')
                : ['FAILED', 'INTERRUPTED', 'CANCELLED'].includes(job.state)
                  ? `${t('recovery.reprintFailed')}${printReasonFor(job, i18n.language) ?? ''}`
                  : wizard.originalPending
                    ? t('recovery.reprintAfterOriginal')
                    : t('recovery.reprinting')}
            </p>
          ) : null}
          <div className="rc-actions">
            <KeyButton
              keyCap="F5"
              label={t('recovery.recheck')}
              disabled={wizard.busy}
              onPress={() => void actions.runPrinterCheck()}
            />
            <KeyButton
              keyCap="F7"
              tone="primary"
              label={wizard.busy && job === null ? t('recovery.reprinting') : t('recovery.reprint')}
              disabled={wizard.busy}
              onPress={() => void actions.reprintFromWizard()}
            />
          </div>
        </div>
      </div>
    </section>
  );
}
