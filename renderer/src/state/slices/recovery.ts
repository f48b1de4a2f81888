import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import type { RECOVERY_STEPS } from '../../../../shared/api/recovery';
import type { Payment } from '../../../../shared/domain';
import { newer } from '../printing';
import { dueOf } from '../tender';
import type { All, RecoverySlice, Wizard, WizardFrom, WizardStep } from '../types';

export interface RecoveryOptions {
  /** d: how many syncs, and how far apart (the host keeps the acquirer's rate limit too). */
  syncAttempts?: number;
  syncEveryMs?: number;
}

const FINAL_PRINT: readonly string[] = ['PRINTED', 'FAILED', 'INTERRUPTED', 'CANCELLED'];

const latestWallet = (payments: readonly Payment[]): Payment | null =>
  [...payments].reverse().find((p) => p.method !== 'CASH') ?? null;

const blank = (from: WizardFrom, orderId: string | null, paymentId: string | null): Wizard => ({
  from,
  orderId,
  paymentId,
  step: 'voucher',
  number: null,
  lookup: null,
  lookupError: null,
  sync: null,
  retry: null,
  printer: null,
  reprintJob: null,
  originalPending: false,
  recorded: null,
  busy: false,
});

/** Which step a look-up's verdict leads to (the seed's points 2–4). */
const NEXT: Record<string, WizardStep> = {
  PAID_HERE: 'printer',
  PAID_NOT_SYNCED: 'paidNotSynced',
  PAID_UNKNOWN_HERE: 'unknownPaid',
  PAYING: 'dropped',
  NOT_PAID: 'dropped',
  REFUNDED: 'notPaid',
  LOCAL_ONLY: 'notPaid',
  GATEWAY_DOWN: 'number',
  OTHER_TILL: 'otherTill',
};

export const createRecoverySlice =
  (api: TillApi, o: RecoveryOptions = {}): StateCreator<All, [], [], RecoverySlice> =>
  (set, get) => {
    const attempts = o.syncAttempts ?? 4;
    const every = o.syncEveryMs ?? 5_000;
    /** Bumped when the wizard closes or restarts: a retry loop from before stops. */
    let run = 0;
    const notedJobs = new Set<string>();
    const w = (): Wizard | null => get().wizard;
    const patch = (p: Partial<Wizard>) => {
      const cur = w();
      if (cur) set({ wizard: { ...cur, ...p } });
    };
    /** Every step's outcome goes on the order's timeline (read by the supervisor). */
    const note = (
      step: (typeof RECOVERY_STEPS)[number],
      outcome: string,
      number?: string | null,
      orderId = w()?.orderId,
    ) => {
      if (!orderId) return Promise.resolve();
      return api['recovery.note']({ orderId, step, outcome, ...(number ? { number } : {}) }).then(
        (r) => void (r.ok || set({ error: r.error })),
      );
    };
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

    /** The payment and order the wizard starts from, wherever it was opened. */
    async function context(from: WizardFrom): Promise<[string | null, string | null]> {
      const s = get();
      if ((from === 'done' || from === 'status') && s.payment) {
        await s.refreshOrder(s.payment.orderId);
        const p = s.payment.method !== 'CASH' ? s.payment : latestWallet(get().orderPayments);
        return [s.payment.orderId, p?.paymentId ?? null];
      }
      if (from === 'supervisor' && s.lookup)
        return [s.lookup.sale.orderId, latestWallet(s.lookup.payments)?.paymentId ?? null];
      const orderId = s.sale?.orderId ?? null;
      if (!orderId) return [null, null];
      await s.refreshOrder(orderId);
      return [orderId, latestWallet(get().orderPayments)?.paymentId ?? null];
    }

    async function lookup(number: string): Promise<void> {
      patch({ busy: true, number, lookupError: null });
      const r = await api['order.lookup']({ number });
      if (!w()) return;
      if (!r.ok) {
        patch({ busy: false, lookupError: r.error, lookup: null });
        await note('lookup', r.error.code, number);
        return;
      }
      const found = r.value;
      const step = NEXT[found.verdict] ?? 'number';
      // Another till's order stays that till's: this wizard's steps stay on its own order.
      const ours = found.verdict !== 'OTHER_TILL';
      patch({
        busy: false,
        lookup: found,
        step,
        // The voucher's order is the one the wizard is about from here on.
        orderId: (ours ? found.order?.sale.orderId : null) ?? w()?.orderId ?? null,
        paymentId: (ours ? found.paymentId : null) ?? w()?.paymentId ?? null,
      });
      await note('lookup', found.verdict, number);
      if (step === 'printer') await get().runPrinterCheck();
      if (step === 'dropped') await get().syncDropped();
    }

    return {
      wizard: null,
      async openWizard(from) {
        run += 1;
        const [orderId, paymentId] = await context(from);
        set({ wizard: blank(from, orderId, paymentId), screen: 'recovery', error: null });
        await note('start', `FROM_${from.toUpperCase()}`);
      },
      async answerVoucher(yes) {
        const cur = w();
        if (!cur || cur.busy) return;
        await note('voucher', yes ? 'YES' : 'NO');
        if (yes) return patch({ step: 'number' });
        // No voucher: what the till knows of its own attempt, and what the gateway says now.
        patch({ step: 'ownRecord', busy: true });
        const payment = cur.paymentId
          ? get().orderPayments.find((p) => p.paymentId === cur.paymentId)
          : null;
        const number = payment?.merchantOrderNo ?? cur.orderId;
        if (!number) return patch({ busy: false });
        const r = await api['order.lookup']({ number });
        if (!w()) return;
        patch(r.ok ? { busy: false, lookup: r.value } : { busy: false, lookupError: r.error });
        await note('lookup', r.ok ? r.value.verdict : r.error.code, number);
      },
      submitNumber: async (raw) => {
        const number = raw.trim();
        if (!number || w()?.busy) return;
        await lookup(number);
      },
      async syncFound() {
        const cur = w();
        if (!cur?.paymentId || cur.busy) return;
        patch({ busy: true });
        const r = await api['order.sync']({ paymentId: cur.paymentId });
        if (!w()) return;
        if (!r.ok) {
          patch({ busy: false });
          set({ error: r.error });
          return;
        }
        patch({ busy: false, sync: r.value });
        await note('sync', r.value.result);
        const paid = r.value.result === 'PAID_NOW' || r.value.result === 'ALREADY_PAID';
        if (paid) {
          patch({ step: 'printer' });
          await get().runPrinterCheck();
        } else if (r.value.result === 'STILL_PAYING') {
          patch({ step: 'dropped' });
          await get().syncDropped();
        }
      },
      async syncDropped() {
        const mine = ++run;
        const paymentId = w()?.paymentId;
        if (!paymentId) {
          patch({ step: 'withheld', retry: null });
          return note('dropped', 'NO_PAYMENT');
        }
        for (let attempt = 1; attempt <= attempts; attempt++) {
          patch({ retry: { attempt, of: attempts, nextAt: null }, busy: true });
          const r = await api['order.sync']({ paymentId });
          if (run !== mine || !w()) return;
          if (r.ok) {
            patch({ sync: r.value });
            if (r.value.result === 'PAID_NOW' || r.value.result === 'ALREADY_PAID') {
              patch({ busy: false, retry: null, step: 'printer' });
              await note('dropped', 'SYNCED_PAID');
              return get().runPrinterCheck();
            }
          }
          if (attempt === attempts) break;
          patch({ retry: { attempt, of: attempts, nextAt: Date.now() + every } });
          await sleep(every);
          if (run !== mine || !w()) return;
        }
        patch({ busy: false, retry: null, step: 'withheld' });
        await note('dropped', 'STILL_UNPAID');
      },
      async recordDropped(amountFen, voucherTime) {
        const cur = w();
        const orderId = cur?.orderId ?? get().sale?.orderId;
        if (!cur || !orderId || cur.busy) return;
        patch({ busy: true });
        const r = await api['case.record']({
          orderId,
          ...(cur.paymentId ? { paymentId: cur.paymentId } : {}),
          ...(cur.number ? { number: cur.number } : {}),
          ...(amountFen ? { amountFen } : {}),
          ...(voucherTime ? { voucherTime } : {}),
        });
        if (!w()) return;
        if (!r.ok) {
          patch({ busy: false });
          set({ error: r.error });
          return;
        }
        patch({ busy: false, recorded: r.value });
        await get().loadCases();
      },
      async attachUnknown() {
        const cur = w();
        const sale = get().sale;
        if (!cur?.number || !sale || cur.busy) return;
        patch({ busy: true });
        const number = cur.number;
        const r = await get().withApproval('attach', (approval) =>
          api['order.attachPayment']({
            number,
            orderId: sale.orderId,
            ...(approval ? { approval } : {}),
          }),
        );
        if (!w()) return;
        if (!r.ok) {
          patch({ busy: false });
          set({ error: r.error });
          return;
        }
        patch({ busy: false, orderId: sale.orderId, step: 'printer' });
        await note('sync', 'ATTACHED', cur.number);
        await get().runPrinterCheck();
      },
      async recordUnknown() {
        const cur = w();
        if (!cur?.number || cur.busy) return;
        patch({ busy: true });
        const number = cur.number;
        const r = await get().withApproval('recordUnmatched', (approval) =>
          api['case.recordUnmatched']({ number, ...(approval ? { approval } : {}) }),
        );
        if (!w()) return;
        if (!r.ok) {
          patch({ busy: false });
          set({ error: r.error });
          return;
        }
        patch({ busy: false, recorded: r.value });
        await get().loadCases();
      },
      async runPrinterCheck() {
        const orderId = w()?.orderId;
        if (!orderId) return;
        patch({ busy: true });
        const r = await api['recovery.printerCheck']({ orderId });
        if (!w()) return;
        if (!r.ok) {
          patch({ busy: false });
          set({ error: r.error });
          return;
        }
        const c = r.value;
        patch({ busy: false, printer: c });
        await note('printTxt', c.printTxt.exists ? 'FOUND' : 'MISSING');
        await note('template', c.template.problem ? 'FALLBACK' : c.template.kind.toUpperCase());
        const ready =
          c.status.known && c.status.online && !c.status.coverOpen && !c.status.paperEnd;
        await note('printerStatus', !c.status.known ? 'UNKNOWN' : ready ? 'READY' : 'NOT_READY');
      },
      async toPrinterChecks() {
        patch({ step: 'printer' });
        await get().runPrinterCheck();
      },
      async reprintFromWizard() {
        const orderId = w()?.orderId;
        if (!orderId || w()?.busy) return;
        patch({ busy: true });
        const r = await get().withApproval('reprint', (approval) =>
          api['receipt.reprint']({ orderId, ...(approval ? { approval } : {}) }),
        );
        if (!w()) return;
        patch({ busy: false });
        if (!r.ok) {
          set({ error: r.error });
          return;
        }
        // The copy is its own job; events carry it to PRINTED (after the original, if owed).
        patch({ reprintJob: r.value.job, originalPending: r.value.originalPending });
        get().applyWizardJob(r.value.job);
      },
      applyWizardJob(job) {
        const cur = w();
        // Only news about the reprint on screen (events and the answer race: keep the newer).
        if (!cur?.reprintJob || job.jobId !== cur.reprintJob.jobId) return;
        const next = newer(cur.reprintJob, job);
        patch({ reprintJob: next });
        // How the copy ended goes on the timeline, once.
        if (next && FINAL_PRINT.includes(next.state) && !notedJobs.has(next.jobId)) {
          notedJobs.add(next.jobId);
          void note('reprint', next.state);
        }
      },
      async payAgain() {
        const cur = w();
        await note('payAgain', 'NEW_ATTEMPT');
        run += 1;
        // (the wizard is closed below; its order's timeline already has the step)
        set({ wizard: null, payment: null, receipt: null, printJob: null });
        await get().loadSale();
        const sale = get().sale;
        const open = sale && sale.status !== 'PAID' && sale.orderId === cur?.orderId;
        const due = open ? dueOf(sale, get().orderPayments) : 0;
        get().goTo(open && due > 0 ? 'wallet' : 'checkout');
      },
      async closeWizard() {
        const cur = w();
        run += 1;
        set({ wizard: null });
        if (!cur) return;
        await note('done', cur.recorded ? 'CASE_RECORDED' : 'CLOSED', null, cur.orderId);
        // A recorded case (or the payment's own case) parked the sale: a fresh one for the next
        // customer. From the supervisor screen, back to it.
        if (cur.from === 'supervisor') return get().goTo('supervisor');
        const parked = cur.recorded !== null || get().payment?.state === 'NEEDS_MANUAL';
        if (parked) return get().newSale();
        if (cur.from === 'status') {
          // The attempt ended unpaid: back to its cart, which is open again.
          set({ payment: null, screen: 'checkout' });
          return get().loadSale();
        }
        get().goTo(cur.from);
      },
    };
  };
