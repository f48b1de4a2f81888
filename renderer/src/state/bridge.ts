import type { TillApi } from '../../../shared/contract';
import { isPrinting, willResume } from './printing';
import { isFinal } from './slices/payment';
import type { TillStore } from './store';

export const POLL_MS = 1000;
/** How often the session is read again besides its events. */
export const SESSION_MS = 5000;
/** The technician screen's live printer status. */
export const STATUS_MS = 2000;
/** The header's printer state, when events are lost (and once at start). */
export const SUMMARY_MS = 5000;
/** The store database link's lag grows between events: re-read every 5 s. */
export const SYNC_MS = 5000;

/**
 * The one place where host events reach the store. Components never subscribe themselves.
 * Also polls `pay.status` (and the receipt) every second as a fallback for lost events, and
 * the printer's status every 2 s while the technician screen is open.
 */
export function startBridge(
  api: TillApi,
  store: TillStore,
  pollMs = POLL_MS,
  statusMs = STATUS_MS,
  summaryMs = SUMMARY_MS,
  sessionMs = SESSION_MS,
): () => void {
  const s = () => store.getState();
  const offs = [
    api.on('sale.updated', (sale) => s().applySale(sale)),
    api.on('payment.updated', (payment) => s().applyPayment(payment)),
    api.on('print.updated', (job) => {
      s().applyPrintJob(job);
      s().applyLookupJob(job);
      s().applyReportJob(job);
      s().applyQueueJob(job);
      s().applyWizardJob(job);
    }),
    api.on('print.summary', (summary) => s().applySummary(summary)),
    api.on('drawer.updated', (result) => s().applyDrawer(result)),
    // Sign-in and shift changes made at the other binding (kiosk page, Electron window) show here.
    api.on('auth.changed', (session) => s().applySession(session)),
    api.on('shift.updated', (shift) => s().applyShift(shift)),
    api.on('case.updated', ({ openCount }) => s().applyCaseCount(openCount)),
    api.on('sync.updated', (status) => s().applySync(status)),
  ];
  void s().loadSummary();
  let inFlight = false;
  const tick = async () => {
    if (inFlight) return;
    inFlight = true;
    try {
      const { payment, screen, receipt, printJob } = s();
      if (payment && !isFinal(payment)) await s().pollPayment();
      // A job the host will resend (paper end, cover open…) is still worth watching.
      const open = !printJob || isPrinting(printJob) || willResume(printJob);
      if (screen === 'done' && (!receipt || open)) await s().loadReceipt();
    } finally {
      inFlight = false;
    }
  };
  let statusInFlight = false;
  const statusTick = async () => {
    if (statusInFlight || s().screen !== 'technician') return;
    statusInFlight = true;
    try {
      await s().refreshStatus();
    } finally {
      statusInFlight = false;
    }
  };
  const timers = [
    setInterval(() => void tick(), pollMs),
    setInterval(() => void statusTick(), statusMs),
    setInterval(() => void s().loadSummary(), summaryMs),
    // Who is signed in, again now and then: a host restart signs everyone out, and the event
    // saying so can be lost while the stream reconnects.
    setInterval(() => void s().loadSession(), sessionMs),
    setInterval(() => void s().loadSync(), SYNC_MS),
  ];
  void s().loadSync();
  return () => {
    timers.forEach(clearInterval);
    for (const off of offs) off();
  };
}
