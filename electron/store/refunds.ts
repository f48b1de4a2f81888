import type { Db } from './db';

export type RefundState = 'PENDING' | 'REFUNDED' | 'FAILED';
export interface RefundRow {
  id: string;
  paymentId: string;
  refundNo: string;
  requestId: string;
  amountFen: number;
  state: RefundState;
  reason: string | null;
  errorCode: string | null;
  createdAt: string;
  updatedAt: string;
}
interface Row {
  id: string;
  payment_id: string;
  refund_no: string;
  request_id: string;
  amount_fen: number;
  state: RefundState;
  reason: string | null;
  error_code: string | null;
  created_at: string;
  updated_at: string;
}
const toRefund = (r: Row): RefundRow => ({
  id: r.id,
  paymentId: r.payment_id,
  refundNo: r.refund_no,
  requestId: r.request_id,
  amountFen: r.amount_fen,
  state: r.state,
  reason: r.reason,
  errorCode: r.error_code,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Refund records: the refund no. is written before the acquirer is asked, and reused on every retry. */
export function createRefundsRepo(db: Db) {
  const q = {
    insert: db.prepare(
      `INSERT INTO refunds (id, payment_id, refund_no, request_id, amount_fen, state, reason, shift_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)`,
    ),
    byPayment: db.prepare<[string], Row>(
      'SELECT * FROM refunds WHERE payment_id = ? ORDER BY created_at, rowid',
    ),
    byRequest: db.prepare<[string, string], Row>(
      'SELECT * FROM refunds WHERE payment_id = ? AND request_id = ?',
    ),
    pending: db.prepare<[], Row>("SELECT * FROM refunds WHERE state = 'PENDING'"),
    set: db.prepare('UPDATE refunds SET state = ?, error_code = ?, updated_at = ? WHERE id = ?'),
    get: db.prepare<[string], Row>('SELECT * FROM refunds WHERE id = ?'),
  };
  return {
    insert(
      r: Omit<RefundRow, 'state' | 'errorCode' | 'updatedAt'> & { shiftId?: string | null },
    ): RefundRow {
      q.insert.run(
        r.id,
        r.paymentId,
        r.refundNo,
        r.requestId,
        r.amountFen,
        r.reason,
        r.shiftId ?? null,
        r.createdAt,
        r.createdAt,
      );
      return toRefund(q.get.get(r.id) as Row);
    },
    byPayment: (paymentId: string): RefundRow[] => q.byPayment.all(paymentId).map(toRefund),
    byRequest(paymentId: string, requestId: string): RefundRow | null {
      const r = q.byRequest.get(paymentId, requestId);
      return r ? toRefund(r) : null;
    },
    pending: (): RefundRow[] => q.pending.all().map(toRefund),
    setState(
      id: string,
      state: RefundState,
      at: string,
      errorCode: string | null = null,
    ): RefundRow {
      q.set.run(state, errorCode, at, id);
      return toRefund(q.get.get(id) as Row);
    },
  };
}
export type RefundsRepo = ReturnType<typeof createRefundsRepo>;
