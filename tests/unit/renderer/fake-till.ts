import { classifyPaymentCode } from '../../../shared/codes';
import type { EventName } from '../../../shared/channels';
import type { EventPayload, TillApi } from '../../../shared/contract';
import type {
  Payment,
  PaymentState,
  PrintJob,
  Product,
  Receipt,
  Sale,
} from '../../../shared/domain';
import { apiError, type ErrorCode } from '../../../shared/errors';
import type { Result } from '../../../shared/result';

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

export function createFakeTill(sandbox = true) {
  let seq = 0;
  const listeners = new Map<EventName, Set<(p: never) => void>>();
  const emit = <E extends EventName>(e: E, p: EventPayload<E>) =>
    listeners.get(e)?.forEach((l) => (l as (x: EventPayload<E>) => void)(p));
  const newSale = (): Sale => ({
    orderId: `O${++seq}`,
    status: 'OPEN',
    lines: [],
    itemCount: 0,
    totalFen: 0,
    createdAt: now(),
  });
  let sale = newSale();
  const payments = new Map<string, Payment>();
  const receipts = new Map<string, Receipt>();
  const calls: string[] = [];

  const touch = (lines: Sale['lines']): Sale => {
    sale = {
      ...sale,
      lines,
      itemCount: lines.reduce((n, l) => n + l.qty, 0),
      totalFen: lines.reduce((n, l) => n + l.totalFen, 0),
    };
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
    printer: 'tcp://127.0.0.1:9100',
    state,
    reasonCode: reasonText ? 'PRINTER' : null,
    reasonText,
    attempts: 1,
    updatedAt: now(),
  });

  /** Moves a payment on, as the engine would; PAID closes the sale and writes a receipt. */
  function advance(
    paymentId: string,
    state: PaymentState,
    reasonText: string | null = null,
  ): Payment {
    const p = payments.get(paymentId);
    if (!p) throw new Error(`no payment ${paymentId}`);
    const paid = state === 'PAID';
    const next: Payment = {
      ...p,
      state,
      reasonText,
      updatedAt: new Date(Date.parse(p.updatedAt) + 1).toISOString(),
      platformOrderNo: p.method === 'CASH' ? null : `P${p.merchantOrderNo}`,
      thirdPartyOrderNo: paid && p.method !== 'CASH' ? `T${p.merchantOrderNo}` : null,
    };
    payments.set(paymentId, next);
    if (paid) {
      const text = [
        '       超市小票',
        ...sale.lines.map((l) => `${l.name} x${l.qty}`),
        `商户订单号 ${p.merchantOrderNo}`,
      ].join('\n');
      receipts.set(p.orderId, {
        orderId: p.orderId,
        text,
        txtPath: '/tmp/print.txt',
        createdAt: now(),
        printJob: printJob(p.orderId, 'QUEUED'),
      });
      sale = newSale();
    } else if (state === 'FAILED' || state === 'REVERSED') {
      sale = { ...sale, status: 'OPEN' };
    }
    emit('payment.updated', next);
    return next;
  }

  function startPayment(method: Payment['method'], receivedFen: number | null): Payment {
    const id = `PAY${++seq}`;
    const p: Payment = {
      paymentId: id,
      orderId: sale.orderId,
      method,
      merchantOrderNo: `M${Date.now()}${seq}`,
      platformOrderNo: null,
      thirdPartyOrderNo: null,
      amountFen: sale.totalFen,
      receivedFen,
      changeFen: receivedFen === null ? null : receivedFen - sale.totalFen,
      state: 'SUBMITTING',
      reasonCode: null,
      reasonText: null,
      createdAt: now(),
      updatedAt: now(),
      deadlineAt: method === 'CASH' ? null : new Date(Date.now() + 45_000).toISOString(),
    };
    payments.set(id, p);
    sale = { ...sale, status: 'PAYING' };
    return method === 'CASH' ? advance(id, 'PAID') : advance(id, 'PENDING');
  }

  const api: TillApi = {
    'app.info': () =>
      ok({
        storeName: '便利店 · 人民路店',
        cashier: '王芳',
        version: '0.1.0',
        gateway: 'sandbox',
        sandbox,
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
    'sale.scan': ({ barcode }) => {
      const product = CATALOGUE.find((p) => p.barcode === barcode);
      if (!product) return no('UNKNOWN_BARCODE', 'barcode');
      if (!editable()) return no('SALE_LOCKED');
      const at = sale.lines.find((l) => l.barcode === barcode);
      const lines = at
        ? sale.lines.map((l) =>
            l === at ? { ...l, qty: l.qty + 1, totalFen: (l.qty + 1) * l.unitPriceFen } : l,
          )
        : [
            ...sale.lines,
            {
              lineNo: (sale.lines.at(-1)?.lineNo ?? 0) + 1,
              barcode,
              name: product.name,
              qty: 1,
              unitPriceFen: product.priceFen,
              totalFen: product.priceFen,
            },
          ];
      return ok(touch(lines));
    },
    'sale.setQty': ({ lineNo, qty }) => {
      if (!editable()) return no('SALE_LOCKED');
      if (!sale.lines.some((l) => l.lineNo === lineNo)) return no('NOT_FOUND', 'lineNo');
      const lines = sale.lines.map((l) =>
        l.lineNo === lineNo ? { ...l, qty, totalFen: qty * l.unitPriceFen } : l,
      );
      return ok(touch(lines.filter((l) => l.qty > 0)));
    },
    'sale.removeLine': ({ lineNo }) => api['sale.setQty']({ lineNo, qty: 0 }),
    'sale.clear': () => (editable() ? ok(touch([])) : no('SALE_LOCKED')),
    'pay.start': (input) => {
      if (sale.lines.length === 0) return no('EMPTY_CART');
      if (!editable()) return no('SALE_LOCKED');
      if (input.kind === 'cash') {
        return input.receivedFen < sale.totalFen
          ? no('CASH_TOO_LITTLE', 'receivedFen')
          : ok(startPayment('CASH', input.receivedFen));
      }
      const channel = classifyPaymentCode(input.authCode);
      return channel ? ok(startPayment(channel, null)) : no('BAD_PAYMENT_CODE', 'authCode');
    },
    'pay.status': ({ paymentId }) => {
      const p = payments.get(paymentId);
      return p ? ok(p) : no('NOT_FOUND', 'paymentId');
    },
    'pay.cancel': ({ paymentId }) => {
      const p = payments.get(paymentId);
      return p ? ok(p) : no('NOT_FOUND', 'paymentId');
    },
    'order.refund': ({ orderId }) => no('NOT_FOUND', orderId),
    'order.find': ({ query }) => no('NOT_FOUND', query),
    'order.get': ({ orderId }) =>
      ok({
        sale,
        payments: [...payments.values()].filter((p) => p.orderId === orderId),
        receipt: receipts.get(orderId) ?? null,
      }),
    'receipt.get': ({ orderId }) => {
      const r = receipts.get(orderId);
      return r ? ok(r) : no('NOT_FOUND', 'orderId');
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: never) => void);
      return () => set.delete(listener as (p: never) => void);
    },
  };
  // Every call is recorded, so a test can prove that refused input changed nothing on the host.
  for (const name of Object.keys(api) as (keyof TillApi)[]) {
    if (name === 'on') continue;
    const real = api[name] as (i: unknown) => Promise<Result<unknown>>;
    (api as unknown as Record<string, unknown>)[name] = (i: unknown) => (calls.push(name), real(i));
  }
  const printed = (orderId: string, state: PrintJob['state'], reason: string | null = null) => {
    const job = printJob(orderId, state, reason);
    const receipt = receipts.get(orderId);
    if (receipt) receipts.set(orderId, { ...receipt, printJob: job });
    emit('print.updated', job);
  };
  return {
    api,
    advance,
    printed,
    calls,
    current: () => sale,
    payments,
    listenerCount: (e: EventName) => listeners.get(e)?.size ?? 0,
  };
}
export type FakeTill = ReturnType<typeof createFakeTill>;
