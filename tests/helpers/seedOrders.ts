import type { Db } from '../../electron/store';

/** What one seeded order is, kept beside the store so a test can filter it independently. */
export interface SeededOrder {
  id: string;
  createdAt: string;
  cashier: string;
  totalFen: number;
  status: 'PAID' | 'PARKED' | 'PAYING';
  refundedFen: number;
  payments: {
    method: 'CASH' | 'WECHAT' | 'ALIPAY';
    state: string;
    merchantOrderNo: string;
    platformOrderNo: string | null;
    thirdPartyOrderNo: string | null;
  }[];
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const digits = (r: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
const stamp = (ms: number) =>
  new Date(ms + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);

/**
 * `count` orders over the `days` before `endMs`, as a busy till has them: mostly paid by
 * WeChat or Alipay, some cash, some split; a few refunded (fully or partly), parked or still
 * unresolved. Numbers are shaped like the real ones (24-digit merchant order no. ending in
 * random digits, aggregator sn, WeChat transaction_id / Alipay trade_no).
 */
export function seedOrders(
  db: Db,
  count: number,
  opts: {
    endMs: number;
    days: number;
    seed?: number;
    keep?: boolean;
    /** Share of orders left parked, and again of orders with a payment still unresolved. */
    rare?: number;
  },
): SeededOrder[] {
  const r = rng(opts.seed ?? 42);
  const kept: SeededOrder[] = [];
  const order = db.prepare(
    `INSERT INTO orders (id, status, cashier, total_fen, refunded_fen, created_at, updated_at, paid_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const pay = db.prepare(
    `INSERT INTO payments (id, order_id, method, merchant_order_no, platform_order_no, third_party_order_no,
       amount_fen, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const span = opts.days * 86_400_000;
  const start = opts.endMs - span;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const ms = start + Math.floor((i / count) * span);
      const at = new Date(ms).toISOString();
      const id = `O${stamp(ms)}${String(i).padStart(8, '0')}`;
      const total = 100 + Math.floor(r() * 49_900);
      const roll = r();
      const rare = opts.rare ?? 0.003;
      const status = roll < rare ? 'PARKED' : roll < 2 * rare ? 'PAYING' : 'PAID';
      const refundRoll = r();
      const refunded =
        status !== 'PAID'
          ? 0
          : refundRoll < 0.01
            ? total
            : refundRoll < 0.02
              ? Math.floor(total / 3)
              : 0;
      const cashier = `100${1 + Math.floor(r() * 4)}`;
      const kind = r();
      const methods: SeededOrder['payments'][number]['method'][] =
        kind < 0.15
          ? ['CASH']
          : kind < 0.2
            ? ['CASH', 'WECHAT']
            : kind < 0.6
              ? ['WECHAT']
              : ['ALIPAY'];
      const o: SeededOrder = {
        id,
        createdAt: at,
        cashier,
        totalFen: total,
        status,
        refundedFen: refunded,
        payments: [],
      };
      order.run(id, status, cashier, total, refunded, at, at, status === 'PAID' ? at : null);
      methods.forEach((method, k) => {
        const amount =
          methods.length === 2
            ? k === 0
              ? Math.floor(total / 2)
              : total - Math.floor(total / 2)
            : total;
        const state = status === 'PAID' ? 'PAID' : status === 'PARKED' ? 'NEEDS_MANUAL' : 'PENDING';
        const wallet = method !== 'CASH';
        const p = {
          method,
          state: wallet ? state : 'PAID',
          merchantOrderNo: `${stamp(ms)}01${digits(r, 8)}`,
          platformOrderNo: wallet ? `789${digits(r, 13)}` : null,
          thirdPartyOrderNo:
            wallet && state === 'PAID'
              ? method === 'WECHAT'
                ? `4200${digits(r, 24)}`
                : `${stamp(ms).slice(0, 8)}22001${digits(r, 15)}`
              : null,
        };
        pay.run(
          `pay_${i}_${k}`,
          id,
          method,
          p.merchantOrderNo,
          p.platformOrderNo,
          p.thirdPartyOrderNo,
          amount,
          p.state,
          at,
          at,
        );
        o.payments.push(p);
      });
      if (opts.keep !== false) kept.push(o);
    }
  })();
  return kept;
}
