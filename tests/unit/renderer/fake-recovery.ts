import type { TillApi } from '../../../shared/contract';
import type {
  CaseView,
  GatewayFinding,
  LookupResult,
  TimelineEntry,
} from '../../../shared/api/recovery';
import type {
  OrderDetail,
  Payment,
  PaymentState,
  PrinterStatusView,
  Sale,
} from '../../../shared/domain';
import { apiError, type ErrorCode } from '../../../shared/errors';
import type { Result } from '../../../shared/result';

/**
 * The recovery channels of the fake host, as electron/recovery/ answers them: a look-up in the
 * till's numbers then at a scripted "gateway", syncs that settle once, cases that park the sale.
 * Tests script what the gateway says (`gatewaySays`) and which foreign payments it holds.
 */
export interface FakeRecoveryCtx {
  payments: Map<string, Payment>;
  order: (orderId: string) => Sale | null;
  detail: (orderId: string) => OrderDetail | null;
  current: () => Sale;
  advance: (paymentId: string, state: PaymentState) => Payment;
  /** Parks the order (挂起) and gives the till a new sale. */
  park: (orderId: string) => void;
  voidOrder: (orderId: string) => void;
  printerStatus: () => PrinterStatusView;
}

type Gw = GatewayFinding['state'];
const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
const no = (code: ErrorCode, field?: string): Promise<Result<never>> =>
  Promise.resolve({ ok: false, error: apiError(code, field) });
const now = () => new Date().toISOString();

export function createFakeRecovery(ctx: FakeRecoveryCtx) {
  /** What the gateway says about a merchant order no., once scripted (else: as the till says). */
  const gateway = new Map<string, Gw>();
  /** Gateway-paid orders no till knew: number → amount. */
  const foreign = new Map<string, number>();
  /** Other tills' orders in the store database: number → the order as the store has it. */
  const elsewhere = new Map<string, OrderDetail>();
  /** The store database is unreachable (sync on, server away). */
  let storeDown = false;
  const cases: CaseView[] = [];
  const notes: { orderId: string; step: string; outcome: string }[] = [];
  const syncs: string[] = [];

  const stateOf = (p: Payment): Gw =>
    gateway.get(p.merchantOrderNo) ?? (p.state === 'PAID' ? 'PAID' : 'NOT_PAID');
  const finding = (state: Gw, p: Payment | null, amountFen?: number): GatewayFinding => ({
    state,
    orderStatus: null,
    amountFen: p?.amountFen ?? amountFen ?? null,
    merchantOrderNo: p?.merchantOrderNo ?? null,
    platformOrderNo: p?.platformOrderNo ?? null,
    thirdPartyOrderNo: p?.thirdPartyOrderNo ?? null,
    channel: null,
    paidAt: state === 'PAID' ? now() : null,
    queriedBy: p ? 'merchant' : 'platform',
    errorCode: null,
    message: null,
    at: now(),
  });
  const view = (c: CaseView): CaseView => {
    const o = c.orderId ? ctx.order(c.orderId) : null;
    const ps = [...ctx.payments.values()].filter((p) => p.orderId === c.orderId);
    const paidFen = ps.filter((p) => p.state === 'PAID').reduce((n, p) => n + p.amountFen, 0);
    const status: CaseView['status'] =
      c.state === 'RESOLVED'
        ? 'RESOLVED'
        : ps.some((p) => p.state === 'NEEDS_MANUAL')
          ? 'NEEDS_QUERY'
          : paidFen > c.refundedFen
            ? 'CHARGED'
            : 'NOT_CHARGED';
    return { ...c, status, orderStatus: o?.status ?? null, paidFen };
  };
  const newCase = (
    kind: CaseView['kind'],
    orderId: string | null,
    extra: Partial<CaseView> = {},
  ) => {
    const c: CaseView = {
      caseId: `case${cases.length + 1}`,
      kind,
      state: 'OPEN',
      status: 'NOT_CHARGED',
      orderId,
      paymentId: null,
      amountFen: null,
      merchantOrderNo: null,
      platformOrderNo: null,
      thirdPartyOrderNo: null,
      channel: null,
      paidAt: null,
      note: null,
      resolution: null,
      createdBy: '王芳',
      createdAt: now(),
      resolvedBy: null,
      resolvedAt: null,
      orderStatus: null,
      paymentState: null,
      paidFen: 0,
      refundedFen: 0,
      ...extra,
    };
    cases.push(c);
    return c;
  };

  const handlers: Pick<
    TillApi,
    | 'order.lookup'
    | 'order.sync'
    | 'order.timeline'
    | 'order.attachPayment'
    | 'sale.park'
    | 'case.list'
    | 'case.record'
    | 'case.recordUnmatched'
    | 'case.resolve'
    | 'recovery.note'
    | 'recovery.printerCheck'
  > = {
    'order.lookup': ({ number: raw }) => {
      const n = raw.replace(/\s+/g, '');
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(n)) return no('BAD_NUMBER', 'number');
      const ps = [...ctx.payments.values()];
      const hit =
        ps.find((p) => p.merchantOrderNo === n) ??
        ps.find((p) => p.platformOrderNo === n) ??
        ps.find((p) => p.thirdPartyOrderNo === n) ??
        null;
      const order = hit ? ctx.detail(hit.orderId) : ctx.detail(n);
      const wallet =
        hit ?? [...(order?.payments ?? [])].reverse().find((p) => p.method !== 'CASH') ?? null;
      if (!order) {
        if (storeDown) return no('STORE_OFFLINE', 'number');
        const remote = elsewhere.get(n);
        if (remote) {
          const p = remote.payments.find((x) => x.merchantOrderNo === n) ?? null;
          return ok<LookupResult>({
            number: n,
            matchedAs: p ? 'merchant' : 'orderId',
            order: remote,
            paymentId: p?.paymentId ?? null,
            cases: [],
            gateway: null,
            verdict: 'OTHER_TILL',
          });
        }
        const amount = foreign.get(n);
        if (amount !== undefined) {
          const r: LookupResult = {
            number: n,
            matchedAs: null,
            order: null,
            paymentId: null,
            cases: [],
            gateway: finding('PAID', null, amount),
            verdict: 'PAID_UNKNOWN_HERE',
          };
          return ok(r);
        }
        return no(/^4\d{27}$/.test(n) ? 'LOOKUP_THIRD_PARTY' : 'LOOKUP_NOT_FOUND', 'number');
      }
      const g = wallet ? finding(stateOf(wallet), wallet) : null;
      const localPaid = wallet?.state === 'PAID';
      const verdict: LookupResult['verdict'] = !g
        ? 'LOCAL_ONLY'
        : g.state === 'PAID'
          ? localPaid
            ? 'PAID_HERE'
            : 'PAID_NOT_SYNCED'
          : g.state === 'PAYING'
            ? 'PAYING'
            : g.state === 'REFUNDED'
              ? 'REFUNDED'
              : 'NOT_PAID';
      const matchedAs = !hit
        ? 'orderId'
        : hit.merchantOrderNo === n
          ? 'merchant'
          : hit.platformOrderNo === n
            ? 'platform'
            : 'thirdParty';
      return ok({
        number: n,
        matchedAs,
        order,
        paymentId: wallet?.paymentId ?? null,
        cases: [],
        gateway: g,
        verdict,
      });
    },
    'order.sync': ({ paymentId }) => {
      const p = ctx.payments.get(paymentId);
      if (!p) return no('NOT_FOUND', 'paymentId');
      if (p.method === 'CASH') return no('NOT_A_WALLET_PAYMENT', 'paymentId');
      syncs.push(paymentId);
      const orderStatus = () => ctx.order(p.orderId)?.status ?? 'OPEN';
      if (p.state === 'PAID')
        return ok({
          payment: p,
          before: p.state,
          result: 'ALREADY_PAID',
          gateway: null,
          orderStatus: orderStatus(),
        });
      const g = stateOf(p);
      const done = g === 'PAID' ? ctx.advance(paymentId, 'PAID') : p;
      const result = g === 'PAID' ? 'PAID_NOW' : g === 'PAYING' ? 'STILL_PAYING' : 'NOT_PAID';
      return ok({
        payment: done,
        before: p.state,
        result,
        gateway: finding(g, done),
        orderStatus: orderStatus(),
      });
    },
    'order.timeline': ({ orderId }) => {
      if (!ctx.order(orderId)) return no('NOT_FOUND', 'orderId');
      const entries: TimelineEntry[] = notes
        .filter((x) => x.orderId === orderId)
        .map((x) => ({
          at: now(),
          actor: '王芳',
          kind: 'recovery',
          step: x.step,
          outcome: x.outcome,
          detail: null,
        }));
      return ok({ orderId, entries });
    },
    'order.attachPayment': ({ number, orderId }) => {
      const amount = foreign.get(number);
      const detail = ctx.detail(orderId);
      if (amount === undefined || !detail) return no('LOOKUP_NOT_FOUND', 'number');
      if (amount !== detail.sale.totalFen) return no('AMOUNT_MISMATCH', 'number');
      foreign.delete(number);
      return ok(detail);
    },
    'sale.park': () => {
      const sale = ctx.current();
      const paid = [...ctx.payments.values()].some(
        (p) => p.orderId === sale.orderId && p.state === 'PAID',
      );
      if (!paid) return no('NOTHING_TO_PARK');
      const c = newCase('ABANDONED_SPLIT', sale.orderId, { amountFen: sale.totalFen });
      ctx.park(sale.orderId);
      return ok({ parked: ctx.order(sale.orderId) as Sale, case: view(c) });
    },
    'case.list': () =>
      ok({ openCount: cases.filter((c) => c.state === 'OPEN').length, cases: cases.map(view) }),
    'case.record': ({ orderId, paymentId, number, amountFen, voucherTime }) => {
      if (!ctx.order(orderId)) return no('NOT_FOUND', 'orderId');
      const c = newCase('DROPPED_ORDER', orderId, {
        paymentId: paymentId ?? null,
        platformOrderNo: number ?? null,
        amountFen: amountFen ?? null,
        paidAt: voucherTime ?? null,
      });
      notes.push({ orderId, step: 'withheld', outcome: 'CASE_RECORDED' });
      ctx.park(orderId);
      return ok(view(c));
    },
    'case.recordUnmatched': ({ number }) => {
      const amount = foreign.get(number);
      if (amount === undefined) return no('LOOKUP_NOT_FOUND', 'number');
      foreign.delete(number);
      return ok(
        view(newCase('UNMATCHED_PAYMENT', null, { amountFen: amount, platformOrderNo: number })),
      );
    },
    'case.resolve': ({ caseId, action }) => {
      const c = cases.find((x) => x.caseId === caseId);
      if (!c) return no('NOT_FOUND', 'caseId');
      if (c.state === 'RESOLVED') return no('CASE_RESOLVED', 'caseId');
      const v = view(c);
      if (action === 'CLOSE' && v.status !== 'NOT_CHARGED')
        return no('CASE_NOT_CLOSABLE', 'caseId');
      Object.assign(c, {
        state: 'RESOLVED',
        resolution: action === 'CLOSE' ? 'CLOSED_UNPAID' : 'REFUNDED',
        refundedFen: action === 'REFUND' ? v.paidFen : 0,
        resolvedAt: now(),
      });
      if (c.orderId) ctx.voidOrder(c.orderId);
      return ok(view(c));
    },
    'recovery.note': ({ orderId, step, outcome }) => {
      if (!ctx.order(orderId)) return no('NOT_FOUND', 'orderId');
      notes.push({ orderId, step, outcome });
      return ok({ recorded: true });
    },
    'recovery.printerCheck': ({ orderId }) => {
      const detail = ctx.detail(orderId);
      if (!detail) return no('NOT_FOUND', 'orderId');
      return ok({
        orderId,
        printTxt: {
          path: '/tmp/till/print.txt',
          exists: detail.receipt !== null,
          modifiedAt: detail.receipt ? now() : null,
          content: detail.receipt?.text ?? null,
          holdsThisOrder: detail.receipt !== null,
        },
        archived: { path: null, exists: false, modifiedAt: null, content: null },
        template: {
          kind: 'default',
          name: '收银系统默认小票 (Till default)',
          file: null,
          problem: null,
        },
        status: ctx.printerStatus(),
        job: detail.receipt?.printJob ?? null,
      });
    },
  };
  return {
    handlers,
    gatewaySays: (merchantOrderNo: string, state: Gw) => gateway.set(merchantOrderNo, state),
    foreignPaid: (number: string, amountFen: number) => foreign.set(number, amountFen),
    /** Another till's order, found by `number` in the store database. */
    otherTill: (number: string, order: OrderDetail) => elsewhere.set(number, order),
    storeOffline: (down: boolean) => {
      storeDown = down;
    },
    notes,
    syncs,
    cases,
  };
}
