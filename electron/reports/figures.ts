import type { Figures, MethodFigures, OpenItem, Shift } from '../../shared/api/shift';
import type { PaymentMethod } from '../../shared/domain';
import type { Db } from '../store/db';

/** Which money a report counts: one shift's (X, Z), or everything made in a period (day). */
export type Scope =
  { shiftId: string; fromAt: string; toAt: string } | { fromAt: string; toAt: string };

const METHODS: PaymentMethod[] = ['CASH', 'WECHAT', 'ALIPAY'];
const UNFINISHED = "('NEW','SUBMITTING','PENDING','QUERYING','REVERSING','NEEDS_MANUAL')";

interface Sum {
  method: PaymentMethod;
  n: number;
  fen: number;
}

/**
 * The figures of a report, straight from the store: payments and refunds of the scope by
 * method, reversals, refunds still in flight, drawer openings without a sale (audit rows), the
 * drawer's expected cash, and every unfinished payment or parked sale on the till, one by one.
 */
export function computeFigures(
  db: Db,
  scope: Scope,
  extra: { floatFen: number | null; countedFen: number | null; shifts: Shift[] },
): Figures {
  const byShift = 'shiftId' in scope;
  const pScope = byShift
    ? 'p.shift_id = @shiftId'
    : 'p.created_at >= @fromAt AND p.created_at < @toAt';
  const rScope = byShift
    ? 'r.shift_id = @shiftId'
    : 'r.created_at >= @fromAt AND r.created_at < @toAt';
  const args: Record<string, string> = { ...scope };
  const payments = (state: string) =>
    db
      .prepare<Record<string, string>, Sum>(
        `SELECT p.method, COUNT(*) AS n, COALESCE(SUM(p.amount_fen), 0) AS fen FROM payments p
         WHERE ${pScope} AND p.state = '${state}' GROUP BY p.method`,
      )
      .all(args);
  const refunds = (state: string) =>
    db
      .prepare<Record<string, string>, Sum>(
        `SELECT p.method, COUNT(*) AS n, COALESCE(SUM(r.amount_fen), 0) AS fen
         FROM refunds r JOIN payments p ON p.id = r.payment_id
         WHERE ${rScope} AND r.state = '${state}' GROUP BY p.method`,
      )
      .all(args);
  const total = (rows: Sum[]) => ({
    count: rows.reduce((n, r) => n + r.n, 0),
    fen: rows.reduce((n, r) => n + r.fen, 0),
  });

  const sales = payments('PAID');
  const back = refunds('REFUNDED');
  const byMethod: MethodFigures[] = METHODS.map((method) => {
    const s = sales.find((r) => r.method === method);
    const b = back.find((r) => r.method === method);
    return {
      method,
      salesCount: s?.n ?? 0,
      salesFen: s?.fen ?? 0,
      refundCount: b?.n ?? 0,
      refundFen: b?.fen ?? 0,
      netFen: (s?.fen ?? 0) - (b?.fen ?? 0),
    };
  });
  const sum = (k: keyof Omit<MethodFigures, 'method'>) => byMethod.reduce((n, m) => n + m[k], 0);
  const cash = byMethod.find((m) => m.method === 'CASH') as MethodFigures;
  const noSaleDrawer = db
    .prepare<Record<string, string>, number>(
      `SELECT COUNT(*) FROM audit_log WHERE action = 'drawer.open'
       AND json_extract(detail, '$.reason') IN ('no-sale', 'test') AND at >= @fromAt AND at < @toAt`,
    )
    .pluck()
    .get(args) as number;
  const cashExpectedFen = extra.floatFen === null ? null : extra.floatFen + cash.netFen;
  return {
    from: scope.fromAt,
    to: scope.toAt,
    byMethod,
    totals: {
      salesCount: sum('salesCount'),
      salesFen: sum('salesFen'),
      refundCount: sum('refundCount'),
      refundFen: sum('refundFen'),
      netFen: sum('netFen'),
    },
    voids: total(payments('REVERSED')),
    pendingRefunds: total(refunds('PENDING')),
    noSaleDrawer,
    floatFen: extra.floatFen,
    cashExpectedFen,
    countedFen: extra.countedFen,
    differenceFen:
      extra.countedFen === null || cashExpectedFen === null
        ? null
        : extra.countedFen - cashExpectedFen,
    unresolved: openItems(db),
    shifts: extra.shifts,
    auditHead: null,
  };
}

/** Every payment not finished and every parked sale, whichever shift they began in. */
export function openItems(db: Db): OpenItem[] {
  const payments = db
    .prepare<[], OpenItem>(
      `SELECT order_id AS orderId, id AS paymentId, merchant_order_no AS merchantOrderNo, method,
         amount_fen AS amountFen, state, created_at AS createdAt
       FROM payments WHERE state IN ${UNFINISHED} ORDER BY created_at`,
    )
    .all();
  const parked = db
    .prepare<[], OpenItem>(
      `SELECT o.id AS orderId, NULL AS paymentId, NULL AS merchantOrderNo, NULL AS method,
         o.total_fen AS amountFen, 'PARKED' AS state, o.created_at AS createdAt
       FROM orders o WHERE o.status = 'PARKED' AND NOT EXISTS (
         SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.state IN ${UNFINISHED})
       ORDER BY o.created_at`,
    )
    .all();
  return [...payments, ...parked];
}
