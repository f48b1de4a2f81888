import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyButton } from '../components/KeyButton';
import { JobPaper } from '../components/paper/JobPaper';
import { LastJobTable } from '../components/tech/LastJobTable';
import { PrinterConfig } from '../components/tech/PrinterConfig';
import { PrinterFinder } from '../components/tech/PrinterFinder';
import { PrinterHead } from '../components/tech/PrinterHead';
import { PrintQueueTable } from '../components/tech/PrintQueueTable';
import { ReportBox } from '../components/tech/ReportBox';
import { StoreBox } from '../components/tech/StoreBox';
import { SyncPanel } from '../components/tech/SyncPanel';
import { useKeys } from '../hooks';
import { useActions, useTill } from '../state/react';
import { isProfileId } from '../state/slices/printer';

/** F9: find and configure the printer, read its live status, test it, read the last job's bytes. */
export function TechnicianScreen() {
  const { t } = useTranslation();
  const info = useTill((s) => s.printerInfo);
  const list = useTill((s) => s.printerList);
  const lastJob = useTill((s) => s.lastJob);
  const report = useTill((s) => s.setupReport);
  const busy = useTill((s) => s.techBusy);
  const storeCheck = useTill((s) => s.storeCheck);
  const lastBackup = useTill((s) => s.lastBackup);
  const storeBusy = useTill((s) => s.storeBusy);
  const storeOpen = storeCheck !== null || lastBackup !== null;
  const a = useActions();
  /** What the technician typed; null shows the printer in use. */
  const [draft, setDraft] = useState<string | null>(null);
  const uri = draft ?? info?.uri ?? '';
  const { openTechnician } = a; // a stable function: asked once per visit
  useEffect(() => void openTechnician(), [openTechnician]);
  const save = async (next: string) => {
    const profile = info && isProfileId(info.profile) ? info.profile : undefined;
    if (await a.configurePrinter(next, profile)) setDraft(null);
  };

  const use = (next: string) => {
    setDraft(next);
    void save(next);
  };
  useKeys((e) => {
    if (report !== null || storeOpen) {
      if (e.key !== 'Escape') return;
      a.closeReport();
      a.closeStoreCheck();
    } else if (e.key === 'F6') void a.checkStore();
    else if (e.key === 'F7') void a.backupStore();
    else if (e.key === 'Escape') a.goTo('checkout');
    else if (e.key === 'F2') void a.printTest('page');
    else if (e.key === 'F3') void a.printTest('drawer');
    else if (e.key === 'F4') void a.findPrinters();
    else if (e.key === 'F5') void a.loadReport();
    else return;
    e.preventDefault();
  });

  return (
    <main className="screen technician">
      <section className="tech-left">
        <div className="tech-title">
          <h1 className="sv-title">{t('tech.title')}</h1>
          <button
            type="button"
            className="btn btn-plain tech-back"
            onClick={() => a.goTo('checkout')}
          >
            <kbd>{t('keys.esc')}</kbd> {t('tech.back')}
          </button>
        </div>
        <PrinterHead />
        <PrinterConfig uri={uri} onUri={setDraft} onSaved={() => setDraft(null)} />
        <div className="tech-keys">
          <KeyButton
            keyCap="F2"
            tone="primary"
            label={t('tech.test')}
            disabled={busy !== null}
            onPress={() => void a.printTest('page')}
          />
          <KeyButton
            keyCap="F3"
            label={t('tech.drawer')}
            disabled={busy !== null}
            onPress={() => void a.printTest('drawer')}
          />
          <KeyButton
            keyCap="F4"
            label={busy === 'list' ? t('tech.finding') : t('tech.find')}
            disabled={busy !== null}
            onPress={() => void a.findPrinters()}
          />
          <KeyButton
            keyCap="F5"
            label={t('tech.report')}
            disabled={busy !== null}
            onPress={() => void a.loadReport()}
          />
        </div>
        {/* The store: a full integrity check and a backup on demand. */}
        <div className="tech-keys">
          <KeyButton
            keyCap="F6"
            label={storeBusy === 'check' ? t('store.checking') : t('store.check')}
            disabled={storeBusy !== null}
            onPress={() => void a.checkStore()}
          />
          <KeyButton
            keyCap="F7"
            label={storeBusy === 'backup' ? t('store.backingUp') : t('store.backup')}
            disabled={storeBusy !== null}
            onPress={() => void a.backupStore()}
          />
        </div>
        {list ? <PrinterFinder list={list} onUse={use} /> : null}
      </section>
      <section className="tech-right" aria-label={t('tech.lastJob')}>
        <h2 className="sv-h2">{t('queue.title')}</h2>
        <PrintQueueTable />
        <SyncPanel />
        <h2 className="sv-h2">{t('tech.lastJob')}</h2>
        {lastJob ? <LastJobTable last={lastJob} /> : null}
        {lastJob?.job?.orderId ? (
          <div className="tech-paper">
            <JobPaper
              technical
              orderId={lastJob.job.orderId}
              job={lastJob.job}
              text={null}
              waiting={t('done.waiting')}
            />
          </div>
        ) : null}
      </section>
      {report !== null ? <ReportBox text={report} onClose={a.closeReport} /> : null}
      {storeOpen ? (
        <StoreBox check={storeCheck} backup={lastBackup} onClose={a.closeStoreCheck} />
      ) : null}
    </main>
  );
}
