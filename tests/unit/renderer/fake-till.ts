import { classifyPaymentCode } from '../../../shared/codes';
import { CHANNELS, type EventName } from '../../../shared/channels';
import { contract, events, type EventPayload, type TillApi } from '../../../shared/contract';
import type {
  Payment,
  PaymentState,
  PrintJob,
  Product,
  Receipt,
  Sale,
} from '../../../shared/domain';
import { apiError, type ErrorCode } from '../../../shared/errors';
import type { SyncStatus } from '../../../shared/api/sync';
import type { ApiError, Result } from '../../../shared/result';
import { splitQty } from '../../../shared/selling/qty';
import { saleLine } from '../../helpers/saleFixtures';
import { createFakeAccess } from './fake-access';
import { createFakePrinter } from './fake-printer';
import { createFakeRecovery } from './fake-recovery';
import { createFakeSelling, FAKE_LINE_QTY, repriced } from './fake-selling';
import { createFakeRefunds } from './fake-refunds';
import { answerOf, staffChannels, type FakeStoreDb } from './fake-staff';
import { createFakeShift } from './fake-shift';
import type { ApprovalSchema } from '../../../shared/api/auth';
import type { z } from 'zod';
import { createFakeSetup } from './fake-setup';

/**
 * A small but real in-memory till host for renderer tests: it keeps a cart, refuses what the
 * real host refuses, runs payments through states the test moves on, and emits events.
 */
export const CATALOGUE: Product[] = [
  { barcode: '6901234567892', name: '农夫山泉 550ml', priceFen: 200, unit: '瓶' },
  { barcode: '6920202888883', name: '康师傅红烧牛肉面', priceFen: 450, unit: '袋' },
  { barcode: '6903148042441', name: '蓝月亮洗衣液 1kg', priceFen: 2990, unit: '瓶' },
];

const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
const no = (code: ErrorCode, field?: string): Promise<Result<never>> =>
  Promise.resolve({ ok: false, error: apiError(code, field) });
const now = () => new Date().toISOString();

/** The channels the renderer calls; the fake implements exactly these (every one, today). */
type Used =
  | 'app.info'
  | 'sale.current'
  | 'sale.scan'
  | 'sale.setQty'
  | 'sale.removeLine'
  | 'sale.clear'
  | 'pay.start'
  | 'pay.status'
  | 'pay.cancel'
  | 'order.refund'
  | 'order.get'
  | 'order.find'
  | 'receipt.get'
  | 'receipt.reprint'
  | 'receipt.preview'
  | 'print.retry'
  | 'printer.info'
  | 'printer.list'
  | 'printer.status'
  | 'printer.test'
  | 'printer.lastJob'
  | 'printer.configure'
  | 'printer.report'
  | 'auth.current'
  | 'auth.signIn'
  | 'auth.signOut'
  | 'auth.setup'
  | 'user.list'
  | 'user.add'
  | 'user.setActive'
  | 'user.resetPin'
  | 'audit.list'
  | 'audit.verify'
  | 'order.search'
  | 'shift.current'
  | 'shift.open'
  | 'shift.beginClose'
  | 'shift.cancelClose'
  | 'shift.close'
  | 'report.x'
  | 'report.day'
  | 'report.list'
  | 'report.get'
  | 'report.reprint'
  | 'print.summary'
  | 'print.queue'
  | 'print.cancel'
  | 'drawer.open'
  | 'drawer.retry'
  | 'drawer.result'
  | 'gateway.info'
  | 'gateway.configure'
  | 'store.check'
  | 'store.backup'
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
  | 'product.search'
  | 'product.setPrice'
  | 'catalogue.info'
  | 'sale.hold'
  | 'sale.held'
  | 'sale.recall'
  | 'sale.discount'
  | 'sale.openPrice'
  | 'display.state'
  | 'sync.status';

export interface FakeOptions {
  /** Who is signed in at the start (the demo cashier by default); null: nobody. */
  signedIn?: string | null;
  /** A shift is open at the start (default), so sales work at once. */
  shiftOpen?: boolean;
}

export function createFakeTill(
  sandbox = true,
  mode: 'live' | 'sandbox' | 'setup' = sandbox ? 'sandbox' : 'live',
  opts: FakeOptions = {},
) {
  let seq = 0;
  const listeners = new Map<EventName, Set<(p: never) => void>>();
  const emit = <E extends EventName>(e: E, p: EventPayload<E>) => {
    events[e].parse(p);
    listeners.get(e)?.forEach((l) => (l as (x: EventPayload<E>) => void)(p));
  };
  const newSale = (): Sale => ({
    orderId: `O${++seq}`,
    status: 'OPEN',
    lines: [],
    itemCount: 0,
    totalFen: 0,
    createdAt: now(),
    subtotalFen: 0,
    orderDiscount: null,
    orderDiscountFen: 0,
    discountFen: 0,
  });
  let sale = newSale();
  const payments = new Map<string, Payment>();
  const receipts = new Map<string, Receipt>();
  /** Every sale the till ever had, by orderId (order.get / order.find look in here). */
  const orders = new Map<string, Sale>([[sale.orderId, sale]]);
  const cancelRequested = new Set<string>();
  const refunds = createFakeRefunds();
  /** Other tills' orders, as the store database would answer a number search (sync on). */
  const storeDb: FakeStoreDb = { orders: [], down: false };
  const access = createFakeAccess(sandbox, opts.signedIn === undefined ? '1001' : opts.signedIn);
  const shift = createFakeShift(
    () => [...payments.values()],
    () => access.current()?.userId ?? 'system',
    opts.shiftOpen ?? true,
  );
  /** The supervisor who approved the call in progress (for the audit rows it writes). */
  let approver: string | null = null;
  const setup = createFakeSetup(mode);
  const calls: string[] = [];
  const reprints: string[] = [];
  const printer = createFakePrinter(
    (job) => emit('print.updated', job),
    () => ++seq,
  );
  printer.listen(
    (summary) => emit('print.summary', summary),
    (result) => emit('drawer.updated', result),
  );

  const FINAL: readonly PaymentState[] = ['PAID', 'FAILED', 'REVERSED'];
  const ofOrder = (orderId: string) => [...payments.values()].filter((p) => p.orderId === orderId);
  const paidOf = (orderId: string) => ofOrder(orderId).filter((p) => p.state === 'PAID');
  /** As electron/payments/tender.ts: the total less every PAID payment. */
  const dueOf = (orderId: string) =>
    Math.max(
      0,
      (orders.get(orderId)?.totalFen ?? 0) - paidOf(orderId).reduce((n, p) => n + p.amountFen, 0),
    );
  /** PAID when nothing is due; PAYING while a payment runs, a case is open, or part is paid. */
  const settleOrder = (orderId: string): Sale['status'] => {
    const list = ofOrder(orderId);
    const busy = list.some((p) => !FINAL.includes(p.state));
    const anyPaid = list.some((p) => p.state === 'PAID');
    const status = anyPaid && dueOf(orderId) === 0 ? 'PAID' : busy || anyPaid ? 'PAYING' : 'OPEN';
    const order = orders.get(orderId);
    if (order) orders.set(orderId, { ...order, status });
    if (sale.orderId === orderId) sale = { ...sale, status };
    return status;
  };

  function park(orderId: string) {
    const order = orders.get(orderId);
    if (order) orders.set(orderId, { ...order, status: 'PARKED' });
    if (sale.orderId === orderId) {
      sale = newSale();
      orders.set(sale.orderId, sale);
    }
  }
  const voidOrder = (orderId: string) => {
    const order = orders.get(orderId);
    if (order) orders.set(orderId, { ...order, status: 'VOID' });
  };

  /** Priced as the host prices (shared/selling/pricing.ts), with the order's discount. */
  const touch = (lines: Sale['lines'], orderDiscount = sale.orderDiscount): Sale => {
    sale = { ...sale, ...repriced(lines, orderDiscount) };
    orders.set(sale.orderId, sale);
    emit('sale.updated', sale);
    return sale;
  };
  const editable = () => sale.status === 'OPEN';

  const printJob = (
    orderId: string,
    state: PrintJob['state'],
    reasonText: string | null = null,
  ): PrintJob => ({
    jobId: `J-${orderId}`,
    orderId,
    kind: 'receipt',
    printer: 'tcp://127.0.0.1:9100',
    state,
    reasonCode: reasonText ? 'PRINTER' : null,
    reasonText,
    attempts: 1,
    createdAt: now(),
    updatedAt: now(),
  });

  /**
   * Moves a payment on, as the engine would. The order's status follows its payments; when
   * nothing is left to pay the receipt is written and the till gets a new sale.
   */
  function advance(
    paymentId: string,
    state: PaymentState,
    reasonText: string | null = null,
    reasonCode: string | null = null,
  ): Payment {
    const p = payments.get(paymentId);
    if (!p) throw new Error(`no payment ${paymentId}`);
    const paid = state === 'PAID';
    const next: Payment = {
      ...p,
      state,
      reasonCode: paid ? null : reasonCode,
      reasonText: paid ? null : reasonText,
      updatedAt: new Date(Date.parse(p.updatedAt) + 1).toISOString(),
      platformOrderNo: p.method === 'CASH' ? null : `P${p.merchantOrderNo}`,
      thirdPartyOrderNo: paid && p.method !== 'CASH' ? `T${p.merchantOrderNo}` : null,
    };
    payments.set(paymentId, next);
    // As the host: nobody can confirm it, so the sale is parked (挂起) and the till moves on.
    if (state === 'NEEDS_MANUAL') park(p.orderId);
    if (state !== 'NEEDS_MANUAL' && settleOrder(p.orderId) === 'PAID' && paid) {
      const order = orders.get(p.orderId) ?? sale;
      const text = [
        '       超市小票',
        ...order.lines.map((l) => `${l.name} x${l.qty}`),
        ...paidOf(p.orderId).map(
          (x) => `${x.method} ${x.amountFen} 商户订单号 ${x.merchantOrderNo}`,
        ),
      ].join('\n');
      const lines = text.split('\n').map((t) => ({
        kind: 'text' as const,
        text: t,
        bold: false,
        double: false,
        align: 'left' as const,
      }));
      const qr = {
        ...lines[0]!,
        kind: 'qr' as const,
        text: p.merchantOrderNo,
        align: 'center' as const,
      };
      const job = printer.enqueue(p.orderId, 'receipt', [...lines, qr]).job;
      receipts.set(p.orderId, {
        orderId: p.orderId,
        text,
        txtPath: '/tmp/print.txt',
        createdAt: now(),
        printJob: job,
        jobs: [job],
      });
      if (sale.orderId === p.orderId) {
        sale = newSale();
        orders.set(sale.orderId, sale);
      }
    }
    emit('payment.updated', next);
    return next;
  }

  function startPayment(
    method: Payment['method'],
    amountFen: number,
    receivedFen: number | null,
  ): Payment {
    const id = `PAY${++seq}`;
    const p: Payment = {
      paymentId: id,
      orderId: sale.orderId,
      method,
      merchantOrderNo: `M${Date.now()}${seq}`,
      platformOrderNo: null,
      thirdPartyOrderNo: null,
      amountFen,
      receivedFen,
      changeFen: receivedFen === null ? null : receivedFen - amountFen,
      state: 'SUBMITTING',
      reasonCode: null,
      reasonText: null,
      createdAt: now(),
      updatedAt: now(),
      deadlineAt: method === 'CASH' ? null : new Date(Date.now() + 45_000).toISOString(),
    };
    payments.set(id, p);
    shift.take(id);
    settleOrder(sale.orderId);
    if (method !== 'CASH') return advance(id, 'PENDING');
    const paid = advance(id, 'PAID');
    printer.kickDrawer('sale', paid.orderId); // the cash is taken: the drawer, on its own
    return paid;
  }

  /** The engine's reversal after a cancel (or a timeout): REVERSING, then how it ended. */
  function reverse(paymentId: string, end: 'REVERSED' | 'PAID' | 'NEEDS_MANUAL' = 'REVERSED') {
    advance(paymentId, 'REVERSING');
    if (end === 'PAID') return advance(paymentId, 'PAID');
    if (end === 'NEEDS_MANUAL')
      return advance(paymentId, 'NEEDS_MANUAL', '无法确认支付结果', 'NEEDS_MANUAL');
    const code = cancelRequested.has(paymentId) ? 'CANCELED_BY_CASHIER' : 'REVERSED';
    return advance(paymentId, 'REVERSED', '交易已撤销，顾客未被扣款。', code);
  }

  /** As the host's receipt service: the original's job, and every job of the order. */
  const receiptOf = (orderId: string): Receipt | null => {
    const r = receipts.get(orderId);
    if (!r) return null;
    const jobs = printer.jobs().filter((j) => j.orderId === orderId);
    return { ...r, printJob: jobs.find((j) => j.kind === 'receipt') ?? r.printJob, jobs };
  };
  const detail = (orderId: string) => {
    const order = orders.get(orderId);
    return order
      ? ok({
          sale: order,
          payments: ofOrder(orderId),
          receipt: receiptOf(orderId),
          refunds: refunds.of(ofOrder(orderId)),
          refund: refundSummary(orderId),
        })
      : no('NOT_FOUND', 'orderId');
  };
  const refundSummary = (orderId: string) => refunds.summary(paidOf(orderId));

  /** A fake domain's answer (a value or its refusal), audited like the host does. */
  const answer = <T extends object>(r: T | ApiError, action: string) =>
    answerOf(r, () => access.record(action, null, approver));

  const recovery = createFakeRecovery({
    payments,
    order: (orderId) => orders.get(orderId) ?? null,
    detail: (orderId) => {
      const order = orders.get(orderId);
      return order
        ? {
            sale: order,
            payments: ofOrder(orderId),
            receipt: receiptOf(orderId),
            refunds: refunds.of(ofOrder(orderId)),
            refund: refundSummary(orderId),
          }
        : null;
    },
    current: () => sale,
    advance: (paymentId, state) => advance(paymentId, state),
    park,
    voidOrder,
    printerStatus: () => printer.status(),
  });
  // The store database link: off until a test says otherwise (setSync), as a till alone is.
  let syncState: SyncStatus = {
    state: 'off',
    tillNo: '01',
    server: null,
    pending: 0,
    lagMs: null,
    lastPushAt: null,
    lastPullAt: null,
    sharedVersion: null,
    error: null,
    retryAt: null,
  };
  const selling = createFakeSelling({
    products: CATALOGUE,
    current: () => sale,
    editable,
    touch,
    replace(next) {
      sale = next ?? newSale();
      orders.set(sale.orderId, sale);
      emit('sale.updated', sale);
      return sale;
    },
    actor: () => access.current()?.userId ?? 'system',
    approve: () => access.approve(approver),
  });
  const implemented: Pick<TillApi, Used | 'on'> = {
    ...recovery.handlers,
    ...selling.handlers,
    'sync.status': () => ok(syncState),
    'app.info': () =>
      ok({
        storeName: '便利店 · 人民路店',
        cashier: '王芳',
        version: '0.1.0',
        gateway: 'sandbox',
        sandbox,
        mode,
        modeReason: setup.info().reason,
        printer: 'tcp://127.0.0.1:9100',
        dataDir: '/tmp/till',
        sandboxCodes: [
          {
            suffix: '1010',
            labelZh: '输入密码约 10 秒后成功',
            label: 'password ~10 s, then paid',
            wechat: '134567890123451010',
            alipay: '287654321098761010',
          },
        ],
      }),
    'sale.current': () => ok(sale),
    'gateway.info': () => ok(setup.info()),
    'gateway.configure': (input) => {
      const r = setup.configure(input);
      return r ? ok(r) : no('BAD_REQUEST', input.protocol === 'upay' ? 'terminalKey' : 'apiKey');
    },
    'store.check': () => ok(setup.check()),
    'store.backup': () => ok(setup.backup()),
    'sale.scan': ({ barcode, qty = 1 }) => {
      const typed = splitQty(barcode);
      const code = typed?.code ?? barcode;
      const count = typed?.qty ?? qty;
      const product = CATALOGUE.find((p) => p.barcode === code);
      if (!product) return no('UNKNOWN_BARCODE', 'barcode');
      if (!editable()) return no('SALE_LOCKED');
      const at = sale.lines.find((l) => l.barcode === code && l.kind === 'item');
      if ((at?.qty ?? 0) + count > FAKE_LINE_QTY) return no('QTY_LIMIT', 'qty');
      const lines = at
        ? sale.lines.map((l) => (l === at ? { ...l, qty: l.qty + count } : l))
        : [
            ...sale.lines,
            saleLine({
              lineNo: (sale.lines.at(-1)?.lineNo ?? 0) + 1,
              barcode: code,
              name: product.name,
              qty: count,
              unitPriceFen: product.priceFen,
              unit: product.unit,
            }),
          ];
      return ok(touch(lines));
    },
    'sale.setQty': ({ lineNo, qty }) => {
      if (!editable()) return no('SALE_LOCKED');
      const line = sale.lines.find((l) => l.lineNo === lineNo);
      if (!line) return no('NOT_FOUND', 'lineNo');
      if (qty > 0 && line.kind === 'weighed') return no('WEIGHED_QTY', 'qty');
      if (qty > FAKE_LINE_QTY) return no('QTY_LIMIT', 'qty');
      const lines = sale.lines.map((l) => (l.lineNo === lineNo ? { ...l, qty } : l));
      return ok(touch(lines.filter((l) => l.qty > 0)));
    },
    'sale.removeLine': ({ lineNo }) => implemented['sale.setQty']({ lineNo, qty: 0 }),
    'sale.clear': () => (editable() ? ok(touch([])) : no('SALE_LOCKED')),
    'pay.start': (input) => {
      if (mode === 'setup') return no('NOT_CONFIGURED'); // as electron/api/setupGuard.ts
      if (sale.lines.length === 0) return no('EMPTY_CART');
      const blocked = shift.blocked();
      if (blocked) return Promise.resolve({ ok: false, error: blocked });
      const due = dueOf(sale.orderId);
      if (ofOrder(sale.orderId).some((p) => !FINAL.includes(p.state)) || due <= 0)
        return no('SALE_LOCKED');
      if (input.kind === 'cash') {
        const { receivedFen, partial = false } = input;
        if (receivedFen <= 0 || (!partial && receivedFen < due))
          return no('CASH_TOO_LITTLE', 'receivedFen');
        return ok(startPayment('CASH', Math.min(receivedFen, due), receivedFen));
      }
      const channel = classifyPaymentCode(input.authCode);
      if (!channel) return no('BAD_PAYMENT_CODE', 'authCode');
      const amount = input.amountFen ?? due;
      if (amount <= 0 || amount > due) return no('BAD_REQUEST', 'amountFen');
      return ok(startPayment(channel, amount, null));
    },
    'pay.status': ({ paymentId }) => {
      const p = payments.get(paymentId);
      return p ? ok(p) : no('NOT_FOUND', 'paymentId');
    },
    'pay.cancel': ({ paymentId }) => {
      const p = payments.get(paymentId);
      if (!p) return no('NOT_FOUND', 'paymentId');
      // Like the engine: ended or supervisor cases are answered as they are; else a reversal is due.
      if (!['PAID', 'FAILED', 'REVERSED', 'NEEDS_MANUAL'].includes(p.state))
        cancelRequested.add(paymentId);
      return ok(p);
    },
    'order.refund': ({ orderId, requestId, amountFen, reason }) => {
      if (orders.get(orderId)?.status !== 'PAID') return no('NOT_FOUND', 'orderId');
      const before = refunds.count();
      const rows = refunds.refund(paidOf(orderId), requestId, amountFen);
      if (!rows) return no('REFUND_TOO_MUCH', 'amountFen');
      const fresh = refunds.count() > before;
      if (fresh) access.record('refund.request', orderId, approver);
      const method = (r: (typeof rows)[number]) => payments.get(r.paymentId)?.method;
      const slip = fresh
        ? printer.enqueue(null, 'refund-slip', [
            { kind: 'text', text: `退款单 ${reason}`, bold: false, double: false, align: 'left' },
          ]).job
        : null;
      return ok({
        orderId,
        refunds: rows,
        cashBackFen: rows
          .filter((r) => method(r) === 'CASH' && r.state === 'REFUNDED')
          .reduce((n, r) => n + r.amountFen, 0),
        walletBack: rows
          .filter((r) => method(r) !== 'CASH')
          .map((r) => ({
            method: method(r) as 'WECHAT' | 'ALIPAY',
            amountFen: r.amountFen,
            state: r.state,
          })),
        summary: refundSummary(orderId),
        slipJob: slip,
      });
    },
    'order.find': ({ query }) => {
      const q = query.trim();
      const byNo = [...payments.values()].find((p) => p.merchantOrderNo === q);
      return byNo ? detail(byNo.orderId) : orders.has(q) ? detail(q) : no('NOT_FOUND', 'query');
    },
    'order.get': ({ orderId }) => detail(orderId),
    'receipt.get': ({ orderId }) => {
      const r = receiptOf(orderId);
      return r ? ok(r) : no('NOT_FOUND', 'orderId');
    },
    'receipt.reprint': ({ orderId }) => {
      const r = receipts.get(orderId);
      if (!r) return no('NOT_FOUND', 'orderId');
      const lines = r.text.split('\n').map((text) => ({
        kind: 'text' as const,
        text,
        bold: false,
        double: false,
        align: 'left' as const,
      }));
      const mark = { ...lines[0]!, text: '重打印 REPRINT', bold: true, align: 'center' as const };
      reprints.push(orderId);
      access.record('receipt.reprint', orderId, approver);
      const original = receiptOf(orderId)?.printJob ?? null;
      const pending =
        original !== null && ['QUEUED', 'SENDING', 'WAITING'].includes(original.state);
      const job = printer.send(printer.enqueue(orderId, 'reprint', [mark, ...lines]));
      return ok({ job, original, originalPending: pending });
    },
    'receipt.preview': ({ orderId }) => {
      const paper = printer.preview(orderId);
      return paper ? ok(paper) : no('NOT_FOUND', 'orderId');
    },
    'print.retry': ({ jobId }) => {
      const job = printer.retry(jobId);
      return job ? ok(job) : no('NOT_FOUND', 'jobId');
    },
    'print.summary': () => ok(printer.summary()),
    'print.queue': () => ok({ jobs: printer.queue(), summary: printer.summary() }),
    'print.cancel': ({ jobId, reason }) => {
      const r = printer.cancel(jobId, reason);
      return typeof r === 'string' ? no(r, 'jobId') : ok(r);
    },
    'drawer.open': () => ok(printer.kickDrawer('no-sale', null)),
    'drawer.retry': ({ orderId }) => {
      const last = printer.drawerResult(orderId);
      if (!last || last.ok) return no('BAD_REQUEST', 'orderId');
      return ok(printer.kickDrawer('retry', orderId));
    },
    'drawer.result': ({ orderId }) => ok(printer.drawerResult(orderId)),
    'printer.info': () => ok(printer.info()),
    'printer.list': () => ok(printer.list()),
    'printer.status': () => ok(printer.status()),
    'printer.test': (opts) => ok(printer.test(opts)),
    'printer.lastJob': () => ok(printer.lastJob()),
    'printer.configure': ({ uri, profile, font }) => {
      const refused = printer.configure(uri.trim(), profile, font);
      return refused ? no('BAD_REQUEST', refused) : ok(printer.info());
    },
    'printer.report': () => ok({ text: printer.report() }),
    ...staffChannels({ access, shift, answer, emit, refundSummary, orders, ofOrder, storeDb }),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: never) => void);
      return () => set.delete(listener as (p: never) => void);
    },
  };
  // Channels the renderer does not use (printer, reprint…: other teams' work in progress) answer
  // UNKNOWN_CHANNEL here, so the fake keeps to the contract as it grows without pretending.
  const api = Object.fromEntries(
    CHANNELS.map((c) => [c, () => no('UNKNOWN_CHANNEL', c)]),
  ) as unknown as TillApi;
  Object.assign(api, implemented);
  // Every call is recorded, so a test can prove that refused input changed nothing on the host,
  // and held to the real contract both ways: what the renderer sends is parsed by the channel's
  // input schema (refused as the real host would), and what the fake answers must parse with its
  // output schema and every event with its event schema — a fake that drifts fails its tests.
  for (const name of Object.keys(api) as (keyof TillApi)[]) {
    if (name === 'on') continue;
    const real = api[name] as (i: unknown) => Promise<Result<unknown>>;
    (api as unknown as Record<string, unknown>)[name] = (i: unknown) => {
      calls.push(name);
      // As electron/api/dispatch.ts: the approval travels beside the fields, checked first.
      const { approval, ...rest } = (i ?? {}) as { approval?: z.infer<typeof ApprovalSchema> };
      const input = contract[name].input.safeParse(rest);
      if (!input.success) return no('BAD_REQUEST', input.error.issues[0]?.path.join('.'));
      const admitted = access.admit(name, input.data as never, approval);
      if (admitted.error) return Promise.resolve({ ok: false, error: admitted.error });
      approver = admitted.approver;
      const answer = real(input.data);
      approver = null;
      // Checked beside the answer, not in its way: a drifting fake fails the run (an unhandled
      // rejection) without changing when the renderer hears back.
      void answer.then((r) => r.ok && contract[name].output.parse(r.value));
      return answer;
    };
  }
  /** Moves the order's latest job on (or a job of an order the till does not know). */
  const printed = (orderId: string, state: PrintJob['state'], reason: string | null = null) => {
    const latest = printer.latestFor(orderId);
    if (latest) printer.mark(latest.jobId, state, reason ? ['PRINTER', reason] : null);
    else emit('print.updated', printJob(orderId, state, reason));
  };
  return {
    api,
    access,
    shift,
    storeDb,
    printer,
    reprints,
    advance,
    reverse,
    refunds,
    cancelRequested: (paymentId: string) => cancelRequested.has(paymentId),
    order: (orderId: string) => orders.get(orderId) ?? null,
    printed,
    recovery,
    calls,
    current: () => sale,
    payments,
    listenerCount: (e: EventName) => listeners.get(e)?.size ?? 0,
    held: selling.held,
    /** Moves the store link as the real worker would, with its event. */
    setSync(next: Partial<SyncStatus>) {
      syncState = { ...syncState, ...next };
      emit('sync.updated', syncState);
    },
  };
}
export type FakeTill = ReturnType<typeof createFakeTill>;
