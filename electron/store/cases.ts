import type { Db } from './db';

export type CaseKind =
  'UNCONFIRMED_PAYMENT' | 'ABANDONED_SPLIT' | 'DROPPED_ORDER' | 'UNMATCHED_PAYMENT';

/** A supervisor case as the store keeps it (the view adds the order's and payment's state). */
export interface CaseRow {
  caseId: string;
  kind: CaseKind;
  state: 'OPEN' | 'RESOLVED';
  orderId: string | null;
  paymentId: string | null;
  amountFen: number | null;
  merchantOrderNo: string | null;
  platformOrderNo: string | null;
  thirdPartyOrderNo: string | null;
  channel: string | null;
  /** The voucher's or the gateway's payment time (ISO). */
  paidAt: string | null;
  note: string | null;
  resolution: string | null;
  createdBy: string;
  createdAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

export type NewCase = Omit<CaseRow, 'state' | 'resolution' | 'resolvedBy' | 'resolvedAt'>;

interface Row {
  id: string;
  kind: CaseKind;
  state: 'OPEN' | 'RESOLVED';
  order_id: string | null;
  payment_id: string | null;
  amount_fen: number | null;
  merchant_order_no: string | null;
  platform_order_no: string | null;
  third_party_order_no: string | null;
  channel: string | null;
  paid_at: string | null;
  note: string | null;
  resolution: string | null;
  created_by: string;
  created_at: string;
  resolved_by: string | null;
  resolved_at: string | null;
}

const toCase = (r: Row): CaseRow => ({
  caseId: r.id,
  kind: r.kind,
  state: r.state,
  orderId: r.order_id,
  paymentId: r.payment_id,
  amountFen: r.amount_fen,
  merchantOrderNo: r.merchant_order_no,
  platformOrderNo: r.platform_order_no,
  thirdPartyOrderNo: r.third_party_order_no,
  channel: r.channel,
  paidAt: r.paid_at,
  note: r.note,
  resolution: r.resolution,
  createdBy: r.created_by,
  createdAt: r.created_at,
  resolvedBy: r.resolved_by,
  resolvedAt: r.resolved_at,
});

/** Supervisor cases (migration 006). A parked order's case follows the order by trigger. */
export function createCasesRepo(db: Db) {
  const q = {
    insert: db.prepare(
      `INSERT INTO cases (id, kind, state, order_id, payment_id, amount_fen, merchant_order_no,
        platform_order_no, third_party_order_no, channel, paid_at, note, created_by, created_at,
        updated_at) VALUES (?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    get: db.prepare<[string], Row>('SELECT * FROM cases WHERE id = ?'),
    openForOrder: db.prepare<[string], Row>(
      "SELECT * FROM cases WHERE order_id = ? AND state = 'OPEN'",
    ),
    forOrder: db.prepare<[string], Row>(
      'SELECT * FROM cases WHERE order_id = ? ORDER BY created_at DESC, rowid DESC',
    ),
    open: db.prepare<[], Row>("SELECT * FROM cases WHERE state = 'OPEN' ORDER BY created_at"),
    recent: db.prepare<[number], Row>(
      "SELECT * FROM cases WHERE state = 'RESOLVED' ORDER BY resolved_at DESC LIMIT ?",
    ),
    openCount: db.prepare<[], { n: number }>(
      "SELECT COUNT(*) AS n FROM cases WHERE state = 'OPEN'",
    ),
    byNumber: db.prepare<[string, string, string], Row>(
      `SELECT * FROM cases WHERE merchant_order_no = ? OR platform_order_no = ?
       OR third_party_order_no = ? ORDER BY created_at DESC`,
    ),
    resolve: db.prepare(
      `UPDATE cases SET state = 'RESOLVED', resolution = ?, resolved_by = ?, resolved_at = ?,
       updated_at = ? WHERE id = ? AND state = 'OPEN'`,
    ),
    voucher: db.prepare(
      `UPDATE cases SET merchant_order_no = COALESCE(?, merchant_order_no),
       platform_order_no = COALESCE(?, platform_order_no),
       third_party_order_no = COALESCE(?, third_party_order_no),
       amount_fen = COALESCE(?, amount_fen), paid_at = COALESCE(?, paid_at), updated_at = ?
       WHERE id = ?`,
    ),
    mark: db.prepare(
      "UPDATE cases SET resolution = ?, resolved_by = ?, updated_at = ? WHERE id = ? AND state = 'OPEN'",
    ),
  };
  const one = (r: Row | undefined): CaseRow | null => (r ? toCase(r) : null);
  return {
    insert(c: NewCase): CaseRow {
      q.insert.run(
        c.caseId,
        c.kind,
        c.orderId,
        c.paymentId,
        c.amountFen,
        c.merchantOrderNo,
        c.platformOrderNo,
        c.thirdPartyOrderNo,
        c.channel,
        c.paidAt,
        c.note,
        c.createdBy,
        c.createdAt,
        c.createdAt,
      );
      return toCase(q.get.get(c.caseId) as Row);
    },
    get: (id: string): CaseRow | null => one(q.get.get(id)),
    openForOrder: (orderId: string): CaseRow | null => one(q.openForOrder.get(orderId)),
    forOrder: (orderId: string): CaseRow[] => q.forOrder.all(orderId).map(toCase),
    /** Open cases, oldest first, then the latest resolved ones. */
    list: (recentResolved = 20): CaseRow[] => [
      ...q.open.all().map(toCase),
      ...q.recent.all(recentResolved).map(toCase),
    ],
    openCount: (): number => q.openCount.get()?.n ?? 0,
    byNumber: (no: string): CaseRow[] => q.byNumber.all(no, no, no).map(toCase),
    /** Resolves a case that is not bound to a parked order (those follow the order). */
    resolve(id: string, resolution: string, by: string, at: string): boolean {
      return q.resolve.run(resolution, by, at, at, id).changes > 0;
    },
    /** The numbers, amount and time on the customer's voucher, added to a case already open. */
    addVoucher(
      id: string,
      v: Partial<
        Pick<
          CaseRow,
          'merchantOrderNo' | 'platformOrderNo' | 'thirdPartyOrderNo' | 'amountFen' | 'paidAt'
        >
      >,
      at: string,
    ): void {
      q.voucher.run(
        v.merchantOrderNo ?? null,
        v.platformOrderNo ?? null,
        v.thirdPartyOrderNo ?? null,
        v.amountFen ?? null,
        v.paidAt ?? null,
        at,
        id,
      );
    },
    /** Says who resolves it, and how, before the order's move resolves it by trigger. */
    markResolution(id: string, resolution: string, by: string, at: string): void {
      q.mark.run(resolution, by, at, id);
    },
  };
}
export type CasesRepo = ReturnType<typeof createCasesRepo>;
