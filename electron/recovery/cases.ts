import type { CaseView } from '../../shared/api/recovery';
import type { Payment, Sale } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import type { EventBus } from '../api/events';
import type { PaymentGateway } from '../gateway/types';
import type { PaymentEngine } from '../payments/engine';
import { parkOrder } from '../payments/parking';
import type { RefundService } from '../payments/refunds';
import { dueFen, isFinal } from '../payments/tender';
import type { Repos } from '../store';
import type { CaseRow } from '../store/cases';
import { iso, type Clock } from '../services/clock';
import { newId, newOrderId } from '../services/ids';
import { caseView } from './caseView';
import { auditOf } from './findings';
import { looksThirdParty, normalizeNumber } from './numbers';
import { findUnknownPaid } from './unknownPayment';
import type { LookupDeps } from './lookup';

export interface CasesDeps {
  repos: Pick<Repos, 'db' | 'sales' | 'payments' | 'refunds' | 'cases' | 'audit' | 'timeline'>;
  engine: PaymentEngine;
  refunds: RefundService;
  gateway: PaymentGateway;
  clock: Clock;
  events: EventBus;
  actor: () => string;
  /** The store database's look-up of other tills' orders, on a till that syncs. */
  store?: LookupDeps['store'];
}

export interface RecordInput {
  orderId: string;
  paymentId?: string | undefined;
  number?: string | undefined;
  amountFen?: number | undefined;
  voucherTime?: string | undefined;
}

/**
 * Supervisor cases: sales parked so the till could move on (挂起), dropped orders the customer
 * insists on, gateway-paid orders no till knew. Each is listed until it is settled: paid after
 * all, money given back, or closed as unpaid once the gateway confirms nothing was taken.
 */
export function createCases(deps: CasesDeps) {
  const { repos, engine, clock, events } = deps;
  const now = () => iso(clock.now());
  const view = (c: CaseRow): CaseView => caseView(repos, c);
  const changed = (orderId: string | null) => {
    const sale = orderId ? repos.sales.get(orderId) : null;
    if (sale) events.emit('sale.updated', sale);
    events.emit('case.updated', { openCount: repos.cases.openCount() });
  };
  const caseOf = (caseId: string): CaseRow => {
    const c = repos.cases.get(caseId);
    if (!c) throw new TillError('NOT_FOUND', 'caseId');
    if (c.state === 'RESOLVED') throw new TillError('CASE_RESOLVED', 'caseId');
    return c;
  };

  /** The case ends: a parked order becomes VOID (its case follows by trigger), others directly. */
  function finish(c: CaseRow, resolution: string, detail: unknown): CaseView {
    const at = now();
    const actor = deps.actor();
    repos.db.transaction(() => {
      repos.cases.markResolution(c.caseId, resolution, actor, at);
      const sale = c.orderId ? repos.sales.get(c.orderId) : null;
      if (sale?.status === 'PARKED') repos.sales.setStatus(sale.orderId, 'VOID', at);
      repos.cases.resolve(c.caseId, resolution, actor, at);
      repos.audit.record(at, actor, 'case.resolve', c.orderId ?? c.caseId, {
        caseId: c.caseId,
        resolution,
        detail,
      });
    })();
    changed(c.orderId);
    return view(repos.cases.get(c.caseId) as CaseRow);
  }

  async function refund(c: CaseRow, requestId: string): Promise<CaseView> {
    const paid = (c.orderId ? repos.payments.byOrder(c.orderId) : []).filter(
      (p) => p.state === 'PAID',
    );
    if (paid.length === 0) return close(c); // nothing was taken: only the gateway can say so
    for (const p of paid) {
      const left = deps.refunds.refundable(p);
      const earlier = repos.refunds.byRequest(p.paymentId, requestId);
      if (left > 0 || earlier?.state === 'PENDING')
        await deps.refunds.refundPayment(p, earlier?.amountFen ?? left, requestId, '异常单退款');
    }
    const rows = paid.flatMap((p) => repos.refunds.byPayment(p.paymentId));
    const done =
      paid.every((p) => deps.refunds.refundable(p) === 0) &&
      !rows.some((r) => r.state === 'PENDING');
    if (!done) return view(repos.cases.get(c.caseId) as CaseRow); // REFUNDING: press again later
    return finish(c, 'REFUNDED', { refunds: rows.map((r) => [r.refundNo, r.state]) });
  }

  /** Closed as unpaid only once the gateway, asked now, confirms nothing was taken. */
  async function close(c: CaseRow): Promise<CaseView> {
    const payments = c.orderId ? repos.payments.byOrder(c.orderId) : [];
    if (c.kind === 'UNMATCHED_PAYMENT') throw new TillError('CASE_NOT_CLOSABLE', 'caseId');
    const kept = payments.some((p) => p.state === 'PAID' && deps.refunds.refundable(p) > 0);
    if (kept || payments.some((p) => !isFinal(p)))
      throw new TillError('CASE_NOT_CLOSABLE', 'caseId');
    const answers: unknown[] = [];
    for (const p of payments.filter((x) => x.method !== 'CASH' && x.state !== 'PAID')) {
      const a = await engine.flow.query(p, 'close');
      answers.push([p.merchantOrderNo, auditOf(a)]);
      if (engine.flow.outcome(p, a) === 'PAID') {
        engine.flow.paid(p, a); // paid after all: the order settles instead of closing
        return view(repos.cases.get(c.caseId) as CaseRow);
      }
      if (a.outcome === 'UNKNOWN' || a.outcome === 'IN_PROGRESS')
        throw new TillError('CASE_NOT_CLOSABLE', 'caseId');
    }
    return finish(c, 'CLOSED_UNPAID', { gateway: answers });
  }

  return {
    list: () => ({
      openCount: repos.cases.openCount(),
      cases: repos.cases.list().map(view),
    }),
    view,

    /** 挂起 the current sale after part of it was paid: the customer walked away. */
    park(): { parked: Sale; case: CaseView } {
      const sale = repos.sales.current();
      const payments = sale ? repos.payments.byOrder(sale.orderId) : [];
      if (!sale) throw new TillError('NOTHING_TO_PARK');
      if (payments.some((p) => !isFinal(p))) throw new TillError('SALE_LOCKED');
      if (!payments.some((p) => p.state === 'PAID')) throw new TillError('NOTHING_TO_PARK');
      const at = now();
      const c = repos.db.transaction(() => {
        const row = parkOrder(repos, sale.orderId, 'ABANDONED_SPLIT', at, deps.actor(), {
          amountFen: dueFen(repos, sale.orderId),
          note: '部分付款后顾客离开',
        });
        repos.audit.record(at, deps.actor(), 'sale.park', sale.orderId, { caseId: row.caseId });
        return row;
      })();
      changed(sale.orderId);
      return { parked: repos.sales.get(sale.orderId) as Sale, case: view(c) };
    },

    /** The voucher's numbers, amount and time; the sale is parked and the goods withheld. */
    record(input: RecordInput): CaseView {
      const sale = repos.sales.get(input.orderId);
      if (!sale) throw new TillError('NOT_FOUND', 'orderId');
      if (sale.status === 'PAID' || sale.status === 'VOID')
        throw new TillError('BAD_REQUEST', 'orderId');
      const payment: Payment | null = input.paymentId ? repos.payments.get(input.paymentId) : null;
      if (input.paymentId && payment?.orderId !== sale.orderId)
        throw new TillError('NOT_FOUND', 'paymentId');
      const n = input.number === undefined ? null : normalizeNumber(input.number);
      const numbers = {
        merchantOrderNo: n !== null && n === payment?.merchantOrderNo ? n : null,
        thirdPartyOrderNo: n !== null && looksThirdParty(n) ? n : null,
        platformOrderNo:
          n !== null && n !== payment?.merchantOrderNo && !looksThirdParty(n) ? n : null,
      };
      const voucher = {
        ...numbers,
        amountFen: input.amountFen ?? payment?.amountFen ?? sale.totalFen,
        paidAt: input.voucherTime ?? null,
      };
      const at = now();
      const actor = deps.actor();
      const c = repos.db.transaction(() => {
        const open = repos.cases.openForOrder(sale.orderId);
        const row =
          open ??
          parkOrder(repos, sale.orderId, 'DROPPED_ORDER', at, actor, {
            ...voucher,
            paymentId: payment?.paymentId ?? null,
            note: '顾客出示支付成功凭证，平台显示未支付：商品暂不交付',
          });
        if (open) repos.cases.addVoucher(open.caseId, voucher, at);
        repos.timeline.record({
          orderId: sale.orderId,
          caseId: row.caseId,
          at,
          actor,
          step: 'withheld',
          outcome: 'CASE_RECORDED',
          detail: voucher,
        });
        repos.audit.record(at, actor, 'case.record', sale.orderId, {
          caseId: row.caseId,
          ...voucher,
        });
        return repos.cases.get(row.caseId) as CaseRow;
      })();
      changed(sale.orderId);
      return view(c);
    },

    /** Supervisor: a gateway-paid order no till knew, kept on record until it is refunded. */
    async recordUnmatched(number: string): Promise<CaseView> {
      const a = await findUnknownPaid(repos, deps.gateway, number, deps.store);
      const at = now();
      const actor = deps.actor();
      const c = repos.db.transaction(() => {
        // Not a sale: a VOID order carries the foreign payment so the refund service can give
        // it back under a fixed refund no., like any other payment.
        const orderId = newOrderId(clock.now());
        repos.sales.create(orderId, actor, at);
        repos.sales.setStatus(orderId, 'VOID', at);
        const paymentId = newId('pay');
        repos.payments.insert({
          id: paymentId,
          orderId,
          method: (a.channel ?? (a.tradeNo?.startsWith('4') ? 'WECHAT' : 'ALIPAY')) as
            'WECHAT' | 'ALIPAY',
          merchantOrderNo: a.clientSn,
          amountFen: a.amountFen,
          state: 'NEW',
          at,
        });
        repos.payments.transition(
          paymentId,
          'PAID',
          at,
          { platformOrderNo: a.sn ?? null, thirdPartyOrderNo: a.tradeNo ?? null },
          auditOf(a),
        );
        const row = repos.cases.insert({
          caseId: newId('case'),
          kind: 'UNMATCHED_PAYMENT',
          orderId,
          paymentId,
          amountFen: a.amountFen,
          merchantOrderNo: a.clientSn,
          platformOrderNo: a.sn ?? null,
          thirdPartyOrderNo: a.tradeNo ?? null,
          channel: a.channel ?? null,
          paidAt: a.paidAt ?? null,
          note: '平台已收款，本机没有该订单（其他收银台或恢复的备份）：待退款',
          createdBy: actor,
          createdAt: at,
        });
        repos.audit.record(at, actor, 'case.recordUnmatched', orderId, {
          caseId: row.caseId,
          gateway: auditOf(a),
        });
        return row;
      })();
      changed(null);
      return view(c);
    },

    /** Supervisor: the gateway-paid order no till knew is this sale's payment (amounts match). */
    async attach(number: string, orderId: string) {
      const sale = repos.sales.get(orderId);
      if (!sale || (sale.status !== 'OPEN' && sale.status !== 'PAYING'))
        throw new TillError('NOT_FOUND', 'orderId');
      if (repos.payments.byOrder(orderId).some((p) => !isFinal(p)))
        throw new TillError('SALE_LOCKED');
      const a = await findUnknownPaid(repos, deps.gateway, number, deps.store);
      if (a.amountFen !== dueFen(repos, orderId)) throw new TillError('AMOUNT_MISMATCH', 'number');
      const at = now();
      const actor = deps.actor();
      repos.db.transaction(() => {
        const paymentId = newId('pay');
        repos.payments.insert({
          id: paymentId,
          orderId,
          method: (a.channel ?? 'WECHAT') as 'WECHAT' | 'ALIPAY',
          merchantOrderNo: a.clientSn,
          amountFen: a.amountFen,
          state: 'NEW',
          at,
        });
        engine.flow.paid(repos.payments.get(paymentId) as Payment, a, () =>
          repos.audit.record(at, actor, 'order.attachPayment', orderId, {
            paymentId,
            gateway: auditOf(a),
          }),
        );
      })();
      return orderId;
    },

    async resolve(caseId: string, action: 'REFUND' | 'CLOSE', requestId: string) {
      const c = caseOf(caseId);
      return action === 'REFUND' ? refund(c, requestId) : close(c);
    },
  };
}
export type Cases = ReturnType<typeof createCases>;
