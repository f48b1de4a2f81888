import type { Payment, PaymentMethod, PaymentState } from '../../shared/domain';
import { canMove } from '../payments/transitions';
import type { Db } from './db';

interface Row {
  id: string;
  order_id: string;
  method: PaymentMethod;
  merchant_order_no: string;
  platform_order_no: string | null;
  third_party_order_no: string | null;
  amount_fen: number;
  received_fen: number | null;
  change_fen: number | null;
  state: PaymentState;
  reason_code: string | null;
  reason_text: string | null;
  deadline_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewPayment {
  id: string;
  orderId: string;
  method: PaymentMethod;
  merchantOrderNo: string;
  amountFen: number;
  receivedFen?: number | null;
  changeFen?: number | null;
  authCodeMasked?: string | null;
  state: PaymentState;
  at: string;
  /** The shift whose drawer and figures the money belongs to. */
  shiftId?: string | null;
}

/** What a transition may change besides the state. */
export interface PaymentPatch {
  platformOrderNo?: string | null;
  thirdPartyOrderNo?: string | null;
  reasonCode?: string | null;
  reasonText?: string | null;
  deadlineAt?: string | null;
}

/** Also maps another till's payment row as pushed to the store database (electron/sync/remote.ts). */
export type PaymentRow = Row;
export const toPayment = (r: Row): Payment => ({
  paymentId: r.id,
  orderId: r.order_id,
  method: r.method,
  merchantOrderNo: r.merchant_order_no,
  platformOrderNo: r.platform_order_no,
  thirdPartyOrderNo: r.third_party_order_no,
  amountFen: r.amount_fen,
  receivedFen: r.received_fen,
  changeFen: r.change_fen,
  state: r.state,
  reasonCode: r.reason_code,
  reasonText: r.reason_text,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deadlineAt: r.deadline_at,
});

/** Payments and their transition log: a state change and its log line are one transaction. */
export function createPaymentsRepo(db: Db) {
  const q = {
    insert: db.prepare(
      `INSERT INTO payments (id, order_id, method, merchant_order_no, amount_fen, received_fen, change_fen,
        auth_code_masked, state, created_at, updated_at, shift_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    get: db.prepare<[string], Row>('SELECT * FROM payments WHERE id = ?'),
    byMerchantNo: db.prepare<[string], Row>('SELECT * FROM payments WHERE merchant_order_no = ?'),
    byPlatformNo: db.prepare<[string], Row>(
      'SELECT * FROM payments WHERE platform_order_no = ? ORDER BY created_at DESC',
    ),
    byThirdPartyNo: db.prepare<[string], Row>(
      'SELECT * FROM payments WHERE third_party_order_no = ? ORDER BY created_at DESC',
    ),
    queriedAt: db.prepare<[string], { checked_at: string | null }>(
      'SELECT checked_at FROM payments WHERE id = ?',
    ),
    queried: db.prepare('UPDATE payments SET checked_at = ? WHERE id = ?'),
    byOrder: db.prepare<[string], Row>(
      'SELECT * FROM payments WHERE order_id = ? ORDER BY created_at, rowid',
    ),
    unfinished: db.prepare<[], Row>(
      `SELECT * FROM payments WHERE state NOT IN ('PAID','FAILED','REVERSED') ORDER BY created_at`,
    ),
    ended: db.prepare<[string, string], Row>(
      `SELECT * FROM payments WHERE state = 'REVERSED' AND method != 'CASH'
       AND created_at >= ? AND checks = 0 AND updated_at <= ? ORDER BY created_at`,
    ),
    checked: db.prepare('UPDATE payments SET checked_at = ?, checks = checks + 1 WHERE id = ?'),
    paidWithoutReceipt: db.prepare<[], { id: string }>(
      `SELECT o.id FROM orders o WHERE o.status = 'PAID'
       AND NOT EXISTS (SELECT 1 FROM receipts r WHERE r.order_id = o.id)`,
    ),
    log: db.prepare(
      'INSERT INTO payment_transitions (payment_id, from_state, to_state, at, detail) VALUES (?, ?, ?, ?, ?)',
    ),
    transitions: db.prepare<
      [string],
      { from_state: string | null; to_state: string; at: string; detail: string | null }
    >(
      'SELECT from_state, to_state, at, detail FROM payment_transitions WHERE payment_id = ? ORDER BY id',
    ),
  };

  return {
    insert: db.transaction((p: NewPayment) => {
      q.insert.run(
        p.id,
        p.orderId,
        p.method,
        p.merchantOrderNo,
        p.amountFen,
        p.receivedFen ?? null,
        p.changeFen ?? null,
        p.authCodeMasked ?? null,
        p.state,
        p.at,
        p.at,
        p.shiftId ?? null,
      );
      q.log.run(p.id, null, p.state, p.at, null);
    }),
    get(id: string): Payment | null {
      const r = q.get.get(id);
      return r ? toPayment(r) : null;
    },
    byMerchantOrderNo(no: string): Payment | null {
      const r = q.byMerchantNo.get(no);
      return r ? toPayment(r) : null;
    },
    byPlatformOrderNo: (no: string): Payment[] => q.byPlatformNo.all(no).map(toPayment),
    byThirdPartyOrderNo: (no: string): Payment[] => q.byThirdPartyNo.all(no).map(toPayment),
    byOrder: (orderId: string): Payment[] => q.byOrder.all(orderId).map(toPayment),
    /**
     * When the acquirer last answered a query about this payment (epoch ms), kept in the store so
     * a payment resumed after a restart keeps to the acquirer's rate limit (checked_at, 004).
     */
    lastQueriedAt(id: string): number | null {
      const at = q.queriedAt.get(id)?.checked_at;
      return at ? Date.parse(at) : null;
    },
    noteQueried: (id: string, at: string): void => void q.queried.run(at, id),
    unfinished: (): Payment[] => q.unfinished.all().map(toPayment),
    transitions: (id: string) => q.transitions.all(id),
    /**
     * Reversed wallet payments created since `since` and ended before `endedBefore`, never checked
     * again. (A definite refusal — no money, expired code — cannot turn into a charge.)
     */
    reversedUnchecked: (since: string, endedBefore: string): Payment[] =>
      q.ended.all(since, endedBefore).map(toPayment),
    markChecked: (id: string, at: string): void => void q.checked.run(at, id),
    /** Paid orders a crash left without a receipt. */
    paidOrdersWithoutReceipt: (): string[] => q.paidWithoutReceipt.all().map((r) => r.id),
    transition: db.transaction(
      (
        id: string,
        to: PaymentState,
        at: string,
        patch: PaymentPatch = {},
        detail?: unknown,
      ): Payment => {
        const before = q.get.get(id);
        if (!before) throw new Error(`payment ${id} not found`);
        // The store's trigger refuses it too (006); saying so here names the payment.
        if (!canMove(before.state, to))
          throw new Error(
            `payment ${id}: ${before.state} → ${to} is not a move of the state machine`,
          );
        const sets = ['state = ?', 'updated_at = ?'];
        const args: (string | null)[] = [to, at];
        const columns: [keyof PaymentPatch, string][] = [
          ['platformOrderNo', 'platform_order_no'],
          ['thirdPartyOrderNo', 'third_party_order_no'],
          ['reasonCode', 'reason_code'],
          ['reasonText', 'reason_text'],
          ['deadlineAt', 'deadline_at'],
        ];
        for (const [key, column] of columns) {
          if (patch[key] !== undefined) {
            sets.push(`${column} = ?`);
            args.push(patch[key] ?? null);
          }
        }
        db.prepare(`UPDATE payments SET ${sets.join(', ')} WHERE id = ?`).run(...args, id);
        q.log.run(id, before.state, to, at, detail === undefined ? null : JSON.stringify(detail));
        return toPayment(q.get.get(id) as Row);
      },
    ),
  };
}
export type PaymentsRepo = ReturnType<typeof createPaymentsRepo>;
