import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import type { RefundResult } from '../../../../shared/domain';
import { newer } from '../printing';
import type { All, SupervisorSlice } from '../types';

/** 32 characters of [0-9a-f]: fits the contract's requestId (≤ 32, [A-Za-z0-9_-]). */
export const newRequestId = (): string => crypto.randomUUID().replace(/-/g, '');

type Refunds = RefundResult['refunds'];
/** Newer answers about a refund no. replace older ones; order of first sight is kept. */
const merge = (seen: Refunds, incoming: Refunds): Refunds => {
  const out = seen.map((r) => incoming.find((i) => i.refundNo === r.refundNo) ?? r);
  return [...out, ...incoming.filter((i) => !seen.some((r) => r.refundNo === i.refundNo))];
};

export const createSupervisorSlice =
  (
    api: TillApi,
    makeRequestId: () => string = newRequestId,
  ): StateCreator<All, [], [], SupervisorSlice> =>
  (set, get) => ({
    lookup: null,
    lookupBusy: false,
    refundsSeen: [],
    refund: null,
    async findOrder(raw, opts = {}) {
      const query = raw.trim();
      if (!query || get().lookupBusy) return false;
      set({ lookupBusy: true });
      const r = await api['order.find']({ query });
      set({ lookupBusy: false });
      if (!r.ok) {
        if (opts.quiet && r.error.code === 'NOT_FOUND') return false;
        set({ error: r.error, lookup: null, lookupJob: null, refund: null, refundsSeen: [] });
        return false;
      }
      const same = get().lookup?.sale.orderId === r.value.sale.orderId;
      set({
        lookup: r.value,
        lookupJob: r.value.receipt?.jobs.at(-1) ?? r.value.receipt?.printJob ?? null,
        lastReprint: null,
        error: null,
        refund: null,
        // What the host knows (earlier refunds too) plus this session's answers.
        refundsSeen: merge(same ? get().refundsSeen : [], r.value.refunds),
      });
      return true;
    },
    openRefund() {
      if (!get().lookup || get().refund) return;
      set({
        refund: {
          requestId: makeRequestId(),
          busy: false,
          sent: false,
          amountFen: null,
          reason: null,
          result: null,
          slipJob: null,
        },
      });
    },
    closeRefund() {
      if (get().refund?.busy) return; // the answer is on its way: keep showing where it is
      set({ refund: null });
    },
    async submitRefund(reasonText, amountFen) {
      const draft = get().refund;
      const orderId = get().lookup?.sale.orderId;
      if (!draft || draft.busy || !orderId) return;
      // A retry of this dialog repeats the first request exactly: same requestId, amount, reason.
      const amount = draft.sent ? draft.amountFen : (amountFen ?? null);
      const reason = draft.sent && draft.reason ? draft.reason : reasonText.trim();
      if (!reason) return;
      set({ refund: { ...draft, busy: true, amountFen: amount, reason } });
      const r = await get().withApproval('refund', (approval) =>
        api['order.refund']({
          orderId,
          requestId: draft.requestId,
          reason,
          ...(amount !== null ? { amountFen: amount } : {}),
          ...(approval ? { approval } : {}),
        }),
      );
      const now = get().refund;
      const mine = now?.requestId === draft.requestId;
      if (r.ok) {
        set({ refundsSeen: merge(get().refundsSeen, r.value.refunds), error: null });
        if (mine && now)
          set({
            refund: {
              ...now,
              busy: false,
              sent: true,
              result: r.value,
              // The slip may have printed before this answer came (applyLookupJob kept its
              // events): the later of the two is shown, never a state the job already left.
              slipJob: newer(now.slipJob, r.value.slipJob ?? null),
            },
          });
        // The order's status (refunded / partly refunded) and what is left, from the host.
        const d = await api['order.get']({ orderId });
        if (d.ok && get().lookup?.sale.orderId === orderId) set({ lookup: d.value });
      } else {
        set({ error: r.error });
        // Only an answer that leaves the outcome open (lost, a bug) fixes the request: a
        // definite refusal (no approval, too much, bad input) refunded nothing.
        const sent = ['INTERNAL', 'GATEWAY'].includes(r.error.code);
        if (mine && now) set({ refund: { ...now, busy: false, sent: now.sent || sent } });
      }
    },
  });
