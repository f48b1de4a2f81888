import type { SearchStatus, OrderSummary } from '../../shared/api/search';
import type { OrderStatus, PaymentMethod } from '../../shared/domain';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

export interface SearchFilter {
  number?: string;
  /** ISO instants: from inclusive, to exclusive. */
  fromAt?: string;
  toAt?: string;
  minFen?: number;
  maxFen?: number;
  cashier?: string;
  method?: PaymentMethod;
  status?: SearchStatus;
  limit: number;
  offset: number;
}

const UNFINISHED = "('NEW','SUBMITTING','PENDING','QUERYING','REVERSING','NEEDS_MANUAL')";

/**
 * Order numbers are matched whole or by their last 4+ characters. A suffix cannot use an
 * ordinary index, so migration 008 indexes the last four characters of each number: the
 * query seeks those (about one row in 10,000 shares them) and checks the rest on that handful.
 */
const NUMBER_MATCH = ['merchant_order_no', 'platform_order_no', 'third_party_order_no']
  .map(
    (c) =>
      `SELECT order_id FROM payments WHERE substr(${c}, -4) = @tail AND substr(${c}, -@len) = @number`,
  )
  .concat('SELECT id FROM orders WHERE id = @number')
  .join(' UNION ');

const STATUS: Record<SearchStatus, string> = {
  paid: "o.status = 'PAID' AND o.refunded_fen = 0",
  // Refunded orders are few: walk the partial index of them (+ keeps the status index out).
  refunded: "+o.status = 'PAID' AND o.refunded_fen > 0 AND o.refunded_fen >= o.total_fen",
  partly_refunded: "+o.status = 'PAID' AND o.refunded_fen > 0 AND o.refunded_fen < o.total_fen",
  parked: "o.status = 'PARKED'",
  unresolved: `o.id IN (SELECT order_id FROM payments WHERE state IN ${UNFINISHED})`,
};

interface OrderRow {
  id: string;
  status: OrderStatus;
  total_fen: number;
  refunded_fen: number;
  cashier: string;
  cashier_name: string;
  created_at: string;
  paid_at: string | null;
}
interface PaymentRow {
  order_id: string;
  method: PaymentMethod;
  amount_fen: number;
  state: string;
  merchant_order_no: string;
  platform_order_no: string | null;
  third_party_order_no: string | null;
}

/** The supervisor's word for an order (also for another till's, electron/sync/remoteSearch.ts). */
export function stateOf(
  o: Pick<OrderRow, 'status' | 'refunded_fen' | 'total_fen'>,
  payments: Pick<PaymentRow, 'state'>[],
): OrderSummary['state'] {
  if (o.status === 'PAID') {
    if (o.refunded_fen <= 0) return 'paid';
    return o.refunded_fen >= o.total_fen ? 'refunded' : 'partly_refunded';
  }
  if (o.status === 'PARKED') return 'parked';
  if (payments.some((p) => UNFINISHED.includes(`'${p.state}'`))) return 'unresolved';
  if (o.status === 'VOID') return 'void';
  if (o.status === 'HELD') return 'held';
  return 'open';
}

export function createSearchRepo(db: Db) {
  // One statement per combination of filters, compiled once.
  const cache = new Map<string, Statement>();
  const prepared = <R>(sql: string) => {
    let st = cache.get(sql);
    if (!st) cache.set(sql, (st = db.prepare(sql)));
    return st as Statement<[Record<string, string | number>], R>;
  };
  /** The orders query for a filter, with its named arguments. */
  function query(f: SearchFilter): { sql: string; args: Record<string, string | number> } {
    // The empty cart waiting on the till is no order yet.
    const where: string[] = ["NOT (o.status = 'OPEN' AND o.total_fen = 0)"];
    const args: Record<string, string | number> = { limit: f.limit, offset: f.offset };
    if (f.number) {
      where.push(`o.id IN (${NUMBER_MATCH})`);
      Object.assign(args, { number: f.number, tail: f.number.slice(-4), len: f.number.length });
    }
    const add = (key: keyof SearchFilter, sql: string) => {
      const value = f[key];
      if (value === undefined || value === '') return;
      where.push(sql);
      args[key] = value;
    };
    // A selective filter (a number, unresolved payments, a narrow amount) should drive the query
    // and the dates only check its few rows: the unary + keeps SQLite from walking the dates
    // index instead (it would, to save the final sort).
    const narrow =
      f.number !== undefined ||
      f.status === 'unresolved' ||
      (f.minFen !== undefined && f.maxFen !== undefined && f.maxFen - f.minFen <= 1_000);
    const at = narrow ? '+o.created_at' : 'o.created_at';
    add('fromAt', `${at} >= @fromAt`);
    add('toAt', `${at} < @toAt`);
    add('minFen', 'o.total_fen >= @minFen');
    add('maxFen', 'o.total_fen <= @maxFen');
    add('cashier', 'o.cashier = @cashier');
    if (f.method) {
      where.push(
        // Looked up by the order's own payments (payments_by_order): the + keeps SQLite from
        // walking every payment of that method for each order instead.
        `EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND +p.method = @method
         AND p.state NOT IN ('FAILED','REVERSED'))`,
      );
      args.method = f.method;
    }
    if (f.status) where.push(STATUS[f.status]);
    return {
      sql: `SELECT o.id, o.status, o.total_fen, o.refunded_fen, o.cashier, o.created_at, o.paid_at,
           COALESCE(u.name, o.cashier) AS cashier_name
         FROM orders o LEFT JOIN users u ON u.id = o.cashier
         WHERE ${where.join(' AND ')}
         ORDER BY o.created_at DESC, o.rowid DESC LIMIT @limit OFFSET @offset`,
      args,
    };
  }

  function search(f: SearchFilter): OrderSummary[] {
    const { sql, args } = query(f);
    const orders = prepared<OrderRow>(sql).all(args);
    if (orders.length === 0) return [];
    const payments = db
      .prepare<string[], PaymentRow>(
        `SELECT order_id, method, amount_fen, state, merchant_order_no, platform_order_no,
           third_party_order_no FROM payments WHERE order_id IN (${orders.map(() => '?').join(',')})
         ORDER BY created_at, rowid`,
      )
      .all(...orders.map((o) => o.id));
    return orders.map((o) => {
      const mine = payments.filter((p) => p.order_id === o.id);
      return {
        orderId: o.id,
        status: o.status,
        state: stateOf(o, mine),
        totalFen: o.total_fen,
        refundedFen: o.refunded_fen,
        cashier: o.cashier,
        cashierName: o.cashier_name,
        createdAt: o.created_at,
        paidAt: o.paid_at,
        payments: mine.map((p) => ({
          method: p.method,
          amountFen: p.amount_fen,
          state: p.state,
          merchantOrderNo: p.merchant_order_no,
          platformOrderNo: p.platform_order_no,
          thirdPartyOrderNo: p.third_party_order_no,
        })),
      };
    });
  }
  /** SQLite's plan for a filter (tests hold it: no full scans, the intended indexes). */
  function plan(f: SearchFilter): string[] {
    const { sql, args } = query(f);
    return db
      .prepare<Record<string, string | number>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(args)
      .map((r) => r.detail);
  }

  return { search, plan };
}
export type SearchRepo = ReturnType<typeof createSearchRepo>;
