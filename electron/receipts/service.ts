import { encodeEscPos, layoutReceipt, renderText, type PrinterProfile } from '../../printer';
import type { PrintJob, Receipt } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import type { Repos } from '../store';
import { iso, type Clock } from '../services/clock';
import { chinaStamp } from '../services/ids';
import { buildReceiptDoc } from './model';
import type { PrintQueue } from './printQueue';
import { writePrintTxt } from './printTxt';
import { applyTemplate, type ReceiptTemplate } from './template';

export interface ReceiptServiceDeps {
  repos: Pick<Repos, 'sales' | 'payments' | 'receipts' | 'printJobs'>;
  audit: Repos['audit'];
  dataDir: string;
  storeName: string;
  cashier: string;
  tillNo: string;
  /** Changed by the technician at run time. */
  profile: { current: PrinterProfile };
  queue: PrintQueue;
  clock: Clock;
  /** A vendor's custom receipt template, when one is configured and valid (template.ts). */
  template?: () => ReceiptTemplate | null;
}

const chinaTime = (ms: number): string => {
  const s = chinaStamp(ms);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)} ${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}`;
};

/** Paid order → receipt model → print.txt (first, so it exists even if the printer fails) → printer. */
export function createReceiptService(deps: ReceiptServiceDeps) {
  const { repos, clock } = deps;

  function laidOut(orderId: string, at: number, copy: boolean) {
    const sale = repos.sales.get(orderId);
    if (!sale || sale.status !== 'PAID') throw new TillError('NOT_FOUND', 'orderId');
    const payments = repos.payments.byOrder(orderId).filter((p) => p.state === 'PAID');
    const base = buildReceiptDoc({
      storeName: deps.storeName,
      cashier: deps.cashier,
      tillNo: deps.tillNo,
      sale,
      payments,
      printedAt: chinaTime(at),
      copy,
    });
    const doc = applyTemplate(base, deps.template?.() ?? null);
    return { sale, laid: layoutReceipt(doc, deps.profile.current) };
  }

  function issue(orderId: string): { receipt: Receipt; printed: Promise<unknown> } {
    const at = clock.now();
    const { sale, laid } = laidOut(orderId, at, false);
    const text = renderText(laid);
    const txtPath = writePrintTxt(deps.dataDir, sale.orderId, chinaStamp(at).slice(0, 8), text);
    repos.receipts.save({ orderId: sale.orderId, text, txtPath, createdAt: iso(at) });
    const { done } = deps.queue.enqueue(sale.orderId, 'receipt', encodeEscPos(laid));
    return { receipt: get(sale.orderId) as Receipt, printed: done };
  }

  function get(orderId: string): Receipt | null {
    const r = repos.receipts.get(orderId);
    return r ? { ...r, printJob: repos.printJobs.latestForOrder(orderId) } : null;
  }

  /** After a crash between PAID and the receipt: every paid order gets its receipt. */
  function ensureAll(orderIds: string[]): number {
    for (const id of orderIds) issue(id);
    return orderIds.length;
  }

  /** A copy, marked 重打印 / REPRINT on paper (never opens the drawer), audited. */
  function reprint(orderId: string, actor: string): Promise<PrintJob> {
    const { laid } = laidOut(orderId, clock.now(), true);
    deps.audit.record(iso(clock.now()), actor, 'receipt.reprint', orderId);
    return deps.queue.enqueue(orderId, 'reprint', encodeEscPos(laid)).done;
  }

  return { issue, get, ensureAll, reprint };
}
export type ReceiptService = ReturnType<typeof createReceiptService>;
