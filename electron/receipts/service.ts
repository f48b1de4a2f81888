import { encodeEscPos, layoutReceipt, renderText, type PrinterProfile } from '../../printer';
import type { ReprintResult } from '../../shared/api/print';
import type { PrintJob, Receipt } from '../../shared/domain';
import { isPendingPrint } from '../../shared/printing';
import { TillError } from '../../shared/errors';
import type { Repos } from '../store';
import { iso, type Clock } from '../services/clock';
import { chinaStamp } from '../services/ids';
import { buildReceiptDoc } from './model';
import { buildRefundSlip, type RefundSlipInput } from './refundSlip';
import type { PrintQueue } from './printQueue';
import { writePrintTxt } from './printTxt';
import { applyTemplate, type ReceiptTemplate } from './template';

export interface ReceiptServiceDeps {
  repos: Pick<Repos, 'db' | 'sales' | 'payments' | 'receipts' | 'printJobs' | 'users'>;
  audit: Repos['audit'];
  dataDir: string;
  storeName: string;
  tillNo: string;
  /** Sandbox mode: every receipt carries the test mark (sandboxMark.ts). */
  sandbox: boolean;
  /** Changed by the technician at run time. */
  profile: { current: PrinterProfile };
  queue: PrintQueue;
  clock: Clock;
  /** A vendor's custom receipt template, when one is configured and valid (template.ts). */
  template?: () => ReceiptTemplate | null;
}

export const chinaTime = (ms: number): string => {
  const s = chinaStamp(ms);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)} ${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}`;
};

/** Paid order → receipt model → print.txt (first, so it exists even if the printer fails) → printer. */
export function createReceiptService(deps: ReceiptServiceDeps) {
  const { repos, clock } = deps;
  /** Receipts name the signed-in user who took the payment (orders.cashier), not a setting. */
  const staffName = (userId: string | null): string => {
    if (!userId) return '';
    const u = repos.users.get(userId);
    return u ? `${u.name} ${u.userId}` : userId;
  };

  function laidOut(orderId: string, at: number, copy: boolean) {
    const sale = repos.sales.get(orderId);
    if (!sale || sale.status !== 'PAID') throw new TillError('NOT_FOUND', 'orderId');
    const payments = repos.payments.byOrder(orderId).filter((p) => p.state === 'PAID');
    const base = buildReceiptDoc({
      storeName: deps.storeName,
      cashier: staffName(repos.sales.cashierOf(orderId)),
      tillNo: deps.tillNo,
      sale,
      payments,
      printedAt: chinaTime(at),
      copy,
      sandbox: deps.sandbox,
    });
    const doc = applyTemplate(base, deps.template?.() ?? null);
    return { sale, laid: layoutReceipt(doc, deps.profile.current) };
  }

  /**
   * The order's original receipt, exactly once: if it already has one (a restart, a second
   * call), that one is returned and nothing new is queued. The receipt row and its job commit
   * together, so a crash leaves either both or neither (then ensureAll issues it).
   */
  function issue(orderId: string): { receipt: Receipt; printed: Promise<unknown> } {
    const existing = repos.printJobs.original(orderId);
    if (existing)
      return { receipt: get(orderId) as Receipt, printed: deps.queue.settled(existing.jobId) };
    const at = clock.now();
    const { sale, laid } = laidOut(orderId, at, false);
    const text = renderText(laid);
    const txtPath = writePrintTxt(deps.dataDir, sale.orderId, chinaStamp(at).slice(0, 8), text);
    const job = repos.db.transaction(() => {
      repos.receipts.save({ orderId: sale.orderId, text, txtPath, createdAt: iso(at) });
      return deps.queue.create(sale.orderId, 'receipt', encodeEscPos(laid));
    })();
    deps.queue.kick([job]);
    return { receipt: get(sale.orderId) as Receipt, printed: deps.queue.settled(job.jobId) };
  }

  function get(orderId: string): Receipt | null {
    const r = repos.receipts.get(orderId);
    if (!r) return null;
    return {
      ...r,
      printJob: repos.printJobs.original(orderId),
      jobs: repos.printJobs.forOrder(orderId),
    };
  }

  /** After a crash between PAID and the receipt: every paid order without one gets it, once. */
  function ensureAll(): number {
    const missing = repos.printJobs.paidOrdersWithoutOriginal();
    for (const id of missing) issue(id);
    return missing.length;
  }

  /**
   * A copy, marked 重打印 / REPRINT on paper, as its own job behind the original: during an
   * outage both print when the printer is back, the original first. Audited with the job.
   */
  function reprint(orderId: string, actor: string): ReprintResult {
    const { laid } = laidOut(orderId, clock.now(), true);
    const job = repos.db.transaction(() => {
      const j = deps.queue.create(orderId, 'reprint', encodeEscPos(laid));
      deps.audit.record(iso(clock.now()), actor, 'receipt.reprint', orderId, { jobId: j.jobId });
      return j;
    })();
    deps.queue.kick([job]);
    const original = repos.printJobs.original(orderId);
    return { job, original, originalPending: original !== null && isPendingPrint(original.state) };
  }

  /** 退款单 on the receipt printer. Not tied to the order's jobs: the receipt stays its latest. */
  function refundSlip(
    s: Omit<
      RefundSlipInput,
      'storeName' | 'tillNo' | 'printedAt' | 'sandbox' | 'by' | 'approvedBy'
    > & {
      by: string;
      approvedBy: string | null;
    },
  ): PrintJob {
    const doc = buildRefundSlip({
      ...s,
      by: staffName(s.by),
      approvedBy: s.approvedBy ? staffName(s.approvedBy) : null,
      storeName: deps.storeName,
      tillNo: deps.tillNo,
      printedAt: chinaTime(clock.now()),
      sandbox: deps.sandbox,
    });
    return deps.queue.enqueue(
      null,
      'refund-slip',
      encodeEscPos(layoutReceipt(doc, deps.profile.current)),
    ).job;
  }

  return { issue, get, ensureAll, reprint, refundSlip, staffName };
}
export type ReceiptService = ReturnType<typeof createReceiptService>;
