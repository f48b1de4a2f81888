import type { Shift, ShiftState } from '../../shared/api/shift';
import type { Db } from './db';

/**
 * The shift's transition table. Migration 008 puts the same pairs in `shift_transitions`, whose
 * trigger refuses any other move in the store itself (tests/unit/store/shifts.test.ts checks
 * that the two agree).
 */
export const SHIFT_TRANSITIONS: Record<ShiftState, readonly ShiftState[]> = {
  OPEN: ['CLOSING'],
  CLOSING: ['OPEN', 'CLOSED'],
  CLOSED: [],
};

interface Row {
  id: string;
  till_no: string;
  state: ShiftState;
  opened_by: string;
  opened_by_name: string | null;
  opened_at: string;
  float_fen: number;
  closed_by: string | null;
  closed_at: string | null;
  counted_fen: number | null;
  expected_fen: number | null;
  carried_over: number;
}
const toShift = (r: Row): Shift => ({
  shiftId: r.id,
  tillNo: r.till_no,
  state: r.state,
  openedBy: r.opened_by,
  openedByName: r.opened_by_name ?? r.opened_by,
  openedAt: r.opened_at,
  floatFen: r.float_fen,
  closedBy: r.closed_by,
  closedAt: r.closed_at,
  countedFen: r.counted_fen,
  expectedFen: r.expected_fen,
  differenceFen:
    r.counted_fen !== null && r.expected_fen !== null ? r.counted_fen - r.expected_fen : null,
  carriedOver: r.carried_over === 1,
});

export function createShiftsRepo(db: Db) {
  const cols = 's.*, u.name AS opened_by_name';
  const q = {
    get: db.prepare<[string], Row>(
      `SELECT ${cols} FROM shifts s LEFT JOIN users u ON u.id = s.opened_by WHERE s.id = ?`,
    ),
    current: db.prepare<[string], Row>(
      `SELECT ${cols} FROM shifts s LEFT JOIN users u ON u.id = s.opened_by
       WHERE s.till_no = ? AND s.state != 'CLOSED'`,
    ),
    between: db.prepare<[string, string], Row>(
      `SELECT ${cols} FROM shifts s LEFT JOIN users u ON u.id = s.opened_by
       WHERE s.opened_at >= ? AND s.opened_at < ? ORDER BY s.opened_at`,
    ),
    insert: db.prepare(
      `INSERT INTO shifts (id, till_no, state, opened_by, opened_at, float_fen, updated_at)
       VALUES (?, ?, 'OPEN', ?, ?, ?, ?)`,
    ),
    state: db.prepare('UPDATE shifts SET state = ?, updated_at = ? WHERE id = ?'),
    unfinished: db
      .prepare<[], string>(
        `SELECT p.id FROM payments p JOIN shifts s ON s.id = p.shift_id WHERE s.state = 'CLOSED'
       AND p.state IN ('NEW','SUBMITTING','PENDING','QUERYING','REVERSING','NEEDS_MANUAL')`,
      )
      .pluck(),
    adopt: db.prepare('UPDATE payments SET shift_id = ? WHERE id = ?'),
    close: db.prepare(
      `UPDATE shifts SET state = 'CLOSED', closed_by = ?, closed_at = ?, counted_fen = ?,
       expected_fen = ?, carried_over = ?, updated_at = ? WHERE id = ?`,
    ),
  };
  const get = (id: string): Shift | null => {
    const r = q.get.get(id);
    return r ? toShift(r) : null;
  };
  /** Code and store refuse the same moves; the code says it in words. */
  const move = (s: Shift, to: ShiftState): void => {
    if (!SHIFT_TRANSITIONS[s.state].includes(to))
      throw new Error(`shift ${s.shiftId}: ${s.state} → ${to} is not allowed`);
  };
  return {
    get,
    current(tillNo: string): Shift | null {
      const r = q.current.get(tillNo);
      return r ? toShift(r) : null;
    },
    openedBetween: (fromAt: string, toAt: string): Shift[] =>
      q.between.all(fromAt, toAt).map(toShift),
    open(s: { id: string; tillNo: string; by: string; at: string; floatFen: number }): Shift {
      q.insert.run(s.id, s.tillNo, s.by, s.at, s.floatFen, s.at);
      return get(s.id) as Shift;
    },
    /** Unfinished payments of closed shifts (carried over at their Z) move to `shiftId`. */
    adoptUnfinished(shiftId: string): string[] {
      const ids = q.unfinished.all();
      for (const id of ids) q.adopt.run(shiftId, id);
      return ids;
    },
    transition(s: Shift, to: 'OPEN' | 'CLOSING', at: string): Shift {
      move(s, to);
      q.state.run(to, at, s.shiftId);
      return get(s.shiftId) as Shift;
    },
    close(
      s: Shift,
      c: { by: string; at: string; countedFen: number; expectedFen: number; carriedOver: boolean },
    ): Shift {
      move(s, 'CLOSED');
      q.close.run(c.by, c.at, c.countedFen, c.expectedFen, c.carriedOver ? 1 : 0, c.at, s.shiftId);
      return get(s.shiftId) as Shift;
    },
  };
}
export type ShiftsRepo = ReturnType<typeof createShiftsRepo>;
