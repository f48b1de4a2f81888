import type { TillApi } from '../../../shared/contract';
import { isFinal } from './slices/payment';
import type { TillStore } from './store';

export const POLL_MS = 1000;

/**
 * The one place where host events reach the store. Components never subscribe themselves.
 * Also polls `pay.status` (and the receipt) every second as a fallback for lost events.
 */
export function startBridge(api: TillApi, store: TillStore, pollMs = POLL_MS): () => void {
  const s = () => store.getState();
  const offs = [
    api.on('sale.updated', (sale) => s().applySale(sale)),
    api.on('payment.updated', (payment) => s().applyPayment(payment)),
    api.on('print.updated', (job) => s().applyPrintJob(job)),
  ];
  let inFlight = false;
  const tick = async () => {
    if (inFlight) return;
    inFlight = true;
    try {
      const { payment, screen, receipt, printJob } = s();
      if (payment && !isFinal(payment)) await s().pollPayment();
      const printing = !printJob || printJob.state === 'QUEUED' || printJob.state === 'SENDING';
      if (screen === 'done' && (!receipt || printing)) await s().loadReceipt();
    } finally {
      inFlight = false;
    }
  };
  const timer = setInterval(() => void tick(), pollMs);
  return () => {
    clearInterval(timer);
    for (const off of offs) off();
  };
}
