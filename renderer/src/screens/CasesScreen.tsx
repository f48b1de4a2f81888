import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../shared/money';
import { CaseCard } from '../components/cases/CaseCard';
import { Timeline } from '../components/cases/Timeline';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { KeyButton } from '../components/KeyButton';
import { chinaTime } from '../components/recovery/Findings';
import { useKeys } from '../hooks';
import { useActions, useTill } from '../state/react';

type Ask = 'REFUND' | 'CLOSE' | null;

/** 挂起的订单 / 异常单: every unresolved case with its state; the supervisor settles each. */
export function CasesScreen() {
  const { t } = useTranslation();
  const cases = useTill((s) => s.cases);
  const selectedId = useTill((s) => s.selectedCase);
  const timeline = useTill((s) => s.timeline);
  const busy = useTill((s) => s.casesBusy);
  const actions = useActions();
  const [ask, setAsk] = useState<Ask>(null);
  useEffect(() => {
    void actions.loadCases();
  }, [actions]);
  const selected = cases.find((c) => c.caseId === selectedId) ?? null;
  useEffect(() => {
    if (!selectedId && cases[0]) void actions.selectCase(cases[0].caseId);
  }, [actions, cases, selectedId]);
  const open = selected?.state === 'OPEN';
  const canQuery = open && selected?.paymentId !== null && selected?.paymentState !== 'PAID';
  const canRefund = open && (selected?.status === 'CHARGED' || selected?.status === 'REFUNDING');
  const canClose = open && selected?.status === 'NOT_CHARGED';
  const move = (d: 1 | -1) => {
    const i = cases.findIndex((c) => c.caseId === selectedId);
    const next = cases[Math.min(Math.max(i + d, 0), cases.length - 1)];
    if (next) void actions.selectCase(next.caseId);
  };
  const confirm = () => {
    if (selected && ask) void actions.resolveCase(selected.caseId, ask);
    setAsk(null);
  };
  const wizard = async () => {
    if (!selected?.orderId) return;
    if (await actions.findOrder(selected.orderId)) await actions.openWizard('supervisor');
  };

  useKeys((e) => {
    if (ask) {
      if (e.key === 'Enter') confirm();
      else if (e.key === 'Escape') setAsk(null);
      else return;
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') move(e.key === 'ArrowDown' ? 1 : -1);
    else if (e.key === 'F1' && canQuery && selected?.paymentId)
      void actions.syncCase(selected.paymentId);
    else if (e.key === 'F8' && canRefund) setAsk('REFUND');
    else if (e.key === 'F9' && canClose) setAsk('CLOSE');
    else if (e.key === 'F3' && selected?.orderId) void wizard();
    else if (e.key === 'Escape') actions.goTo('checkout');
    else return;
    e.preventDefault();
  });

  return (
    <main className="screen cases">
      <section className="sv-left">
        <h1 className="sv-title">{t('cases.title')}</h1>
        {cases.length === 0 ? (
          <p className="sv-empty">{t('cases.empty')}</p>
        ) : (
          <ul className="case-list" data-testid="case-list">
            {cases.map((c) => (
              <CaseCard
                key={c.caseId}
                c={c}
                selected={c.caseId === selectedId}
                onSelect={() => void actions.selectCase(c.caseId)}
              />
            ))}
          </ul>
        )}
        <div className="row-actions">
          <KeyButton
            keyCap="Esc"
            label={t('cases.back')}
            onPress={() => actions.goTo('checkout')}
          />
        </div>
      </section>
      <section className="sv-right case-detail" aria-label={t('cases.timeline')}>
        {selected ? (
          <>
            <dl className="rc-facts">
              <dt>{t('cases.kind.' + selected.kind)}</dt>
              <dd className="strong">{t(`cases.status.${selected.status}`)}</dd>
              <dt>{t('cases.amount')}</dt>
              <dd className="num strong">
                {selected.amountFen !== null ? formatFen(selected.amountFen) : '—'}
              </dd>
              <dt>{t('cases.orderStatus')}</dt>
              <dd className="mono">
                {selected.orderId ?? '—'}{' '}
                {selected.orderStatus ? `（${t(`orderStatus.${selected.orderStatus}`)}）` : ''}
              </dd>
              {selected.paidAt ? (
                <>
                  <dt>{t('recovery.unknownTime')}</dt>
                  <dd className="num">{chinaTime(selected.paidAt)}</dd>
                </>
              ) : null}
              {selected.note ? (
                <>
                  <dt>{t('cases.voucher')}</dt>
                  <dd>{selected.note}</dd>
                </>
              ) : null}
            </dl>
            <div className="case-actions">
              <KeyButton
                keyCap="F1"
                label={t('cases.query')}
                disabled={!canQuery || busy}
                onPress={() => selected.paymentId && void actions.syncCase(selected.paymentId)}
              />
              <KeyButton
                keyCap="F8"
                tone="danger"
                label={t('cases.refund')}
                disabled={!canRefund || busy}
                onPress={() => setAsk('REFUND')}
              />
              <KeyButton
                keyCap="F9"
                tone="danger"
                label={t('cases.close')}
                disabled={!canClose || busy}
                onPress={() => setAsk('CLOSE')}
              />
              <KeyButton
                keyCap="F3"
                label={t('cases.wizard')}
                disabled={!selected.orderId}
                onPress={() => void wizard()}
              />
            </div>
            <h2 className="sv-h2">{t('cases.timeline')}</h2>
            <div className="sv-scroll">
              {timeline ? <Timeline entries={timeline.entries} /> : null}
            </div>
          </>
        ) : (
          <p className="sv-empty">{t('cases.select')}</p>
        )}
      </section>
      {ask ? (
        <ConfirmDialog
          message={t(ask === 'REFUND' ? 'cases.confirmRefund' : 'cases.confirmClose')}
          yes={t('cases.confirmYes')}
          no={t('cases.confirmNo')}
          onYes={confirm}
          onNo={() => setAsk(null)}
        />
      ) : null}
    </main>
  );
}
