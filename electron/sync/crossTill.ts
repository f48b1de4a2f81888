import type { PoolClient } from 'pg';
import { encodeEscPos, layoutReceipt, type PrinterProfile } from '../../printer';
import type { ReprintResult } from '../../shared/api/print';
import type { OrderDetail, Payment, RefundResult, RefundSummary } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import type { PaymentGateway } from '../gateway/types';
import { buildReceiptDoc } from '../receipts/model';
import type { PrintQueue } from '../receipts/printQueue';
import { iso, type Clock } from '../services/clock';
import { chinaStamp } from '../services/ids';
import type { Repos } from '../store';
import type { RefundRow } from '../store/refunds';
import { classify } from './errors';
import type { StoreDbLink } from './index';
import type { SearchFilter } from '../store/search';
import { claimRefund, findStoreOrder, settleClaim, type StoreOrder } from './remote';
import { searchStoreOrders, type StoreOrderSummary } from './remoteSearch';

export interface CrossTillDeps {
  link: StoreDbLink;
  storeName: string;
  profile: { current: PrinterProfile };
  queue: PrintQueue;
  audit: Repos['audit'];
  gateway: PaymentGateway;
  clock: Clock;
  /**
   * The seller as the till's own receipts name them (名字 工号), when this till knows the 工号;
   * the store database carries only the 工号.
   */
  staffName?: (userId: string) => string;
}

const chinaTime = (ms: number): string => {
  const s = chinaStamp(ms);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)} ${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}`;
};

/**
 * Orders of the store's other tills, through the store database: found by what the customer
 * shows, reprinted here marked with the till that sold them, refunded once store-wide.
 * A till alone (no sync URL) finds nothing here; an unreachable server is STORE_OFFLINE.
 */
/** A refund of another till's order, as the handler needs it to answer and print the slip. */
export interface RemoteRefund {
  refunds: RefundResult['refunds'];
  parts: { row: RefundRow; payment: Payment }[];
  summary: RefundSummary;
  /** False when this answer repeats an earlier request of this till. */
  fresh: boolean;
}

export function createCrossTill(d: CrossTillDeps) {
  const { link, clock } = d;
  const me = link.tillId;

  async function store<T>(fn: (c: PoolClient) => Promise<T>): Promise<T> {
    if (!link.withStore) throw new TillError('NOT_FOUND', 'query');
    try {
      return await link.withStore(fn);
    } catch (err) {
      if (err instanceof TillError) throw err;
      const f = classify(err);
      throw new TillError(f.kind === 'offline' ? 'STORE_OFFLINE' : 'INTERNAL', undefined, f.code);
    }
  }

  const refundsOf = (o: StoreOrder): OrderDetail['refunds'] => [
    ...o.refunds,
    ...((o.claim?.detail?.refunds as OrderDetail['refunds'] | undefined) ?? []),
  ];
  /** As the till's own summary: paid less every refund that did not fail, across tills. */
  const summaryOf = (o: StoreOrder, extra: OrderDetail['refunds'] = []): RefundSummary => {
    const paid = o.payments.filter((p) => p.state === 'PAID').reduce((n, p) => n + p.amountFen, 0);
    const all = [...refundsOf(o), ...extra];
    const refundedFen = all
      .filter((r) => r.state === 'REFUNDED')
      .reduce((n, r) => n + r.amountFen, 0);
    const pendingFen = all
      .filter((r) => r.state === 'PENDING')
      .reduce((n, r) => n + r.amountFen, 0);
    const refundableFen = Math.max(0, paid - refundedFen - pendingFen);
    const state =
      refundedFen + pendingFen === 0 ? 'NONE' : refundableFen === 0 ? 'FULL' : 'PARTIAL';
    return { state, refundedFen, pendingFen, refundableFen };
  };

  const detail = (o: StoreOrder): OrderDetail => ({
    sale: o.sale,
    payments: o.payments,
    receipt: o.receiptText
      ? {
          orderId: o.sale.orderId,
          text: o.receiptText,
          txtPath: '',
          createdAt: o.sale.createdAt,
          // Printed at the till that sold it: this till has none of its jobs.
          printJob: null,
          jobs: [],
        }
      : null,
    refunds: refundsOf(o),
    refund: summaryOf(o),
    origin: { tillNo: o.tillId, remote: true },
  });

  async function find(query: string): Promise<OrderDetail | null> {
    if (!link.withStore) return null;
    const o = await store((c) => findStoreOrder(c, query, me));
    return o ? detail(o) : null;
  }

  /** order.search for a number over the other tills' orders; none with no store database. */
  async function search(f: SearchFilter & { number: string }): Promise<StoreOrderSummary[]> {
    if (!link.withStore) return [];
    return store((c) => searchStoreOrders(c, f, me));
  }

  async function paidOrder(orderId: string): Promise<StoreOrder> {
    const o = await store((c) => findStoreOrder(c, orderId, me));
    if (!o || o.sale.orderId !== orderId || o.sale.status !== 'PAID')
      throw new TillError('NOT_FOUND', 'orderId');
    return o;
  }

  /** A copy of another till's receipt: 重打印, with the till that sold it, audited here. */
  async function reprint(orderId: string, actor: string): Promise<ReprintResult> {
    const o = await paidOrder(orderId);
    const at = clock.now();
    const doc = buildReceiptDoc({
      storeName: d.storeName,
      cashier: d.staffName?.(o.cashier) ?? o.cashier,
      tillNo: o.tillId,
      sale: o.sale,
      payments: o.payments.filter((p) => p.state === 'PAID'),
      printedAt: chinaTime(at),
      copy: true,
      originNote: `原款台 ${o.tillId} 售出 · 款台 ${me} 重打印`,
    });
    d.audit.record(iso(at), actor, 'receipt.reprint', orderId, { originTill: o.tillId });
    const job = await d.queue.enqueue(
      null,
      'reprint',
      encodeEscPos(layoutReceipt(doc, d.profile.current)),
    ).done;
    // The job row has no local order (the order lives at its own till); the answer names it.
    // Its original was printed at the till that sold it: nothing of it is owed here.
    return { job: { ...job, orderId }, original: null, originalPending: false };
  }

  async function sendRefund(p: Payment, amountFen: number, refundNo: string) {
    if (p.method === 'CASH') return { state: 'REFUNDED' as const, errorCode: null };
    const a = await d.gateway.refund({
      ref: { clientSn: p.merchantOrderNo },
      refundNo,
      amountFen,
      totalFen: p.amountFen,
      reason: '顾客退货',
    });
    if (a.outcome === 'REFUNDED') return { state: 'REFUNDED' as const, errorCode: null };
    if (a.outcome === 'FAILED' && !a.retry)
      return { state: 'FAILED' as const, errorCode: a.errorCode ?? 'REFUND_FAIL' };
    return { state: 'PENDING' as const, errorCode: null };
  }

  /**
   * Refunds another till's order: first the store-wide claim (one refund per order, whichever
   * till asks), then the acquirer under a refund no. fixed by the claim, then the claim's end.
   * A retry with the same request id resends the same refund no.: money moves once.
   */
  async function refund(
    orderId: string,
    requestId: string,
    amountFen: number | undefined,
    actor: string,
  ): Promise<RemoteRefund> {
    const o = await paidOrder(orderId);
    const paid = o.payments.filter((p) => p.state === 'PAID').reverse();
    const total = paid.reduce((s, p) => s + p.amountFen, 0);
    const amount = amountFen ?? total;
    if (amount <= 0 || amount > total) throw new TillError('REFUND_TOO_MUCH', 'amountFen');
    const c = await store((db) =>
      claimRefund(db, { orderTill: o.tillId, orderId, requestId, amountFen: amount }),
    );
    if (c.outcome === 'taken') throw new TillError('ALREADY_REFUNDED', 'orderId', `till ${c.by}`);
    d.audit.record(iso(clock.now()), actor, 'refund.request', orderId, {
      originTill: o.tillId,
      amountFen: c.claim.amountFen,
    });
    const refunds: RefundResult['refunds'] = [];
    const parts: RemoteRefund['parts'] = [];
    let rest = c.claim.amountFen;
    for (const p of paid) {
      const take = Math.min(rest, p.amountFen);
      if (take <= 0) break;
      const refundNo = `${p.merchantOrderNo}T${me}`;
      const r = await sendRefund(p, take, refundNo);
      const at = iso(clock.now());
      refunds.push({ paymentId: p.paymentId, refundNo, amountFen: take, ...r });
      parts.push({
        payment: p,
        row: {
          id: refundNo,
          paymentId: p.paymentId,
          refundNo,
          requestId,
          amountFen: take,
          reason: null,
          createdAt: at,
          updatedAt: at,
          ...r,
        },
      });
      rest -= take;
    }
    const end = refunds.every((r) => r.state === 'REFUNDED')
      ? 'REFUNDED'
      : refunds.some((r) => r.state === 'FAILED')
        ? 'FAILED'
        : null;
    if (end) {
      await store((db) => settleClaim(db, o.tillId, orderId, end, { refunds }));
      d.audit.record(iso(clock.now()), actor, 'refund.remote', orderId, {
        originTill: o.tillId,
        state: end,
        refunds,
      });
    }
    // The order was read before this claim: its rows count once, from the claim or from here.
    const summary = summaryOf(o, o.claim?.detail?.refunds ? [] : refunds);
    return { refunds, parts, summary, fresh: c.outcome === 'claimed' };
  }

  /**
   * Before this till refunds its own order: is it already refunded at another till? Returns
   * quietly when the store database is away (this till's own store is the truth for its orders).
   */
  async function guardOwnRefund(
    orderId: string,
    requestId: string,
    amountFen: number,
  ): Promise<void> {
    if (!link.withStore) return;
    let c;
    try {
      c = await link.withStore((db) =>
        claimRefund(db, { orderTill: me, orderId, requestId, amountFen }),
      );
    } catch {
      return;
    }
    if (c.outcome === 'taken' && c.by !== me)
      throw new TillError('ALREADY_REFUNDED', 'orderId', `till ${c.by}`);
  }

  return { find, search, reprint, refund, guardOwnRefund };
}
export type CrossTill = ReturnType<typeof createCrossTill>;
