import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen, parseYuan } from '../../../shared/money';
import { KeyButton } from '../components/KeyButton';
import { PrintStatus } from '../components/PrintStatus';
import { ReportList } from '../components/shift/ReportList';
import { ReportSummary } from '../components/shift/ReportSummary';
import { useKeepFocus, useKeys } from '../hooks';
import { useActions, useTill } from '../state/react';

/** 交接班 (supervisor screen F5): open with a float, X at any time, Z with the cash counted, the day report. */
export function ShiftScreen() {
  const { t } = useTranslation();
  const shift = useTill((s) => s.shift);
  const busy = useTill((s) => s.shiftBusy);
  const report = useTill((s) => s.report);
  const error = useTill((s) => s.error);
  const drawerOpenedAt = useTill((s) => s.drawerOpenedAt);
  const actions = useActions();
  // What was typed belongs to the step it was typed for (the float, or the count).
  const [typed, setTyped] = useState({ step: '', text: '' });
  const step = shift?.state ?? 'NONE';
  const cash = typed.step === step ? typed.text : '';
  const setCash = (text: string) => setTyped({ step, text });
  const input = useRef<HTMLInputElement>(null);
  const counting = shift?.state === 'CLOSING';
  const asking = !shift || counting; // the float, or the cash counted
  useKeepFocus(input, asking);
  useEffect(() => {
    void actions.loadShift();
    void actions.loadReports();
  }, [actions]);

  const fen = parseYuan(cash);
  const unresolved = error?.code === 'SHIFT_UNRESOLVED';
  const submit = (carryOver = false) => {
    if (fen === null || busy) return;
    if (!shift) void actions.openShift(fen);
    else if (counting) void actions.closeShift(fen, carryOver);
  };
  useKeys((e) => {
    if (e.key === 'Enter') submit();
    else if (e.key === 'F1' && shift) void actions.printX();
    else if (e.key === 'F2' && shift?.state === 'OPEN') void actions.beginClose();
    else if (e.key === 'F3') void actions.printDay();
    else if (e.key === 'F4' && report) void actions.reprintReport();
    else if (e.key === 'F5' && counting && unresolved) submit(true);
    else if (e.key === 'F6' && !counting) void actions.noSaleDrawer();
    else if (e.key === 'Escape') {
      if (counting) void actions.cancelClose();
      else actions.goTo('checkout');
    } else return;
    e.preventDefault();
  });

  return (
    <main className="screen shift-screen">
      <section className="sv-left">
        <h1 className="sv-title">{t('shift.title')}</h1>
        {shift ? (
          <dl className="shift-facts" data-testid="shift-facts">
            <dt>{t('shift.openedBy')}</dt>
            <dd>
              {shift.openedByName} {shift.openedBy}
            </dd>
            <dt>{t('shift.openedAt')}</dt>
            <dd>{new Date(shift.openedAt).toLocaleString('zh-CN')}</dd>
            <dt>{t('shift.float')}</dt>
            <dd className="num">{formatFen(shift.floatFen)}</dd>
            <dt>{t('search.status')}</dt>
            <dd>
              <span className={`shift-chip shift-${shift.state}`}>
                {t(`shift.state.${shift.state}`)}
              </span>
            </dd>
          </dl>
        ) : (
          <p className="sv-empty shift-none">{t('shift.none')}</p>
        )}
        {asking ? (
          <label className="scan-field">
            <span className="scan-label">{counting ? t('shift.counted') : t('shift.float')}</span>
            <input
              ref={input}
              className="scan-input num"
              inputMode="decimal"
              autoComplete="off"
              value={cash}
              readOnly={busy}
              placeholder={counting ? t('shift.countedHint') : t('shift.floatHint')}
              onChange={(e) => setCash(e.target.value)}
              data-testid="shift-cash"
            />
          </label>
        ) : null}
        {counting && unresolved ? (
          <p className="shift-unresolved">{t('shift.unresolved')}</p>
        ) : null}
        {drawerOpenedAt ? (
          <p className="shift-drawer" role="status" data-testid="shift-drawer">
            {t('shift.drawerOpened', {
              time: new Date(drawerOpenedAt).toLocaleTimeString('zh-CN'),
            })}
          </p>
        ) : null}
        {report ? <ReportSummary report={report} /> : null}
        <ReportList />
        <div className="row-actions shift-actions">
          {!shift ? (
            <KeyButton
              keyCap="Enter"
              tone="primary"
              label={t('shift.open')}
              disabled={fen === null || busy}
              onPress={() => submit()}
            />
          ) : null}
          {shift?.state === 'OPEN' ? (
            <>
              <KeyButton
                keyCap="F1"
                tone="primary"
                label={t('shift.x')}
                sub={t('shift.xSub')}
                disabled={busy}
                onPress={() => void actions.printX()}
              />
              <KeyButton
                keyCap="F2"
                tone="danger"
                label={t('shift.z')}
                sub={t('shift.zSub')}
                disabled={busy}
                onPress={() => void actions.beginClose()}
              />
            </>
          ) : null}
          {counting ? (
            <>
              <KeyButton
                keyCap="Enter"
                tone="danger"
                label={t('shift.closeNow')}
                disabled={fen === null || busy}
                onPress={() => submit()}
              />
              {unresolved ? (
                <KeyButton
                  keyCap="F5"
                  tone="primary"
                  label={t('shift.carryOver')}
                  disabled={fen === null || busy}
                  onPress={() => submit(true)}
                />
              ) : null}
            </>
          ) : null}
          <KeyButton
            keyCap="F3"
            label={t('shift.day')}
            disabled={busy}
            onPress={() => void actions.printDay()}
          />
          {/* 开钱箱 without a sale (change for the float, a count): audited, approved for a cashier. */}
          <KeyButton
            keyCap="F6"
            label={t('checkout.drawer')}
            disabled={busy || counting}
            onPress={() => void actions.noSaleDrawer()}
          />
          <KeyButton
            keyCap="Esc"
            label={counting ? t('shift.cancelClose') : t('shift.back')}
            onPress={() => (counting ? void actions.cancelClose() : actions.goTo('checkout'))}
          />
        </div>
      </section>
      <section className="sv-right" aria-label={t('shift.paper')}>
        <div className="receipt-caption">
          {report ? t(`shift.kind.${report.kind}`) : t('shift.paper')}
          {report?.copyOf ? ` · ${t('shift.copy')}` : ''}
          {report ? (
            <span className="sv-print">
              <PrintStatus job={report.printJob} />
            </span>
          ) : null}
        </div>
        {report ? (
          <>
            <pre className="report-paper" data-testid="report-paper">
              {report.text}
            </pre>
            <KeyButton
              keyCap="F4"
              label={t('shift.reprint')}
              disabled={busy}
              onPress={() => void actions.reprintReport()}
            />
          </>
        ) : (
          <div className="paper-wait">{t('shift.noReport')}</div>
        )}
      </section>
    </main>
  );
}
