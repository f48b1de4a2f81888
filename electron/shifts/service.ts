import type { Report, Shift } from '../../shared/api/shift';
import { TillError } from '../../shared/errors';
import type { EventBus } from '../api/events';
import type { ReportService } from '../reports/service';
import type { Repos } from '../store';
import { iso, type Clock } from '../services/clock';
import { chinaDay } from '../services/days';
import { newId } from '../services/ids';
import { openItems } from '../reports/figures';

export interface ShiftDeps {
  repos: Pick<Repos, 'db' | 'shifts' | 'audit'>;
  reports: ReportService;
  clock: Clock;
  events: EventBus;
  tillNo: string;
  actor: () => string;
}

/**
 * 交接班: open with a float, X any time, Z with the counted cash. The store's trigger allows
 * only OPEN → CLOSING → CLOSED (or back to OPEN while counting); each move is audited in the
 * transaction that makes it. A shift never closes over an unfinished payment it would hide.
 */
export function createShiftService(d: ShiftDeps) {
  const { repos, clock } = d;
  const now = () => iso(clock.now());
  const current = (): Shift | null => repos.shifts.current(d.tillNo);
  const changed = (s: Shift | null) => {
    d.events.emit('shift.updated', s);
    return s;
  };
  const must = (): Shift => {
    const s = current();
    if (!s) throw new TillError('NO_SHIFT');
    return s;
  };

  return {
    current,
    /** The open shift payments go into (engine's `shift` dependency). */
    forPayment(): string {
      const s = must();
      if (s.state === 'CLOSING') throw new TillError('SHIFT_CLOSING');
      return s.shiftId;
    },
    /** For refunds: the open shift if there is one (a refund may happen between shifts). */
    openId: (): string | null => current()?.shiftId ?? null,
    open(floatFen: number): Shift {
      const s = repos.db.transaction(() => {
        if (current()) throw new TillError('SHIFT_OPEN');
        const opened = repos.shifts.open({
          id: newId('shf'),
          tillNo: d.tillNo,
          by: d.actor(),
          at: now(),
          floatFen,
        });
        // What a supervisor carried over at the last Z now belongs to this shift.
        const carriedIn = repos.shifts.adoptUnfinished(opened.shiftId);
        repos.audit.write({
          at: now(),
          actor: d.actor(),
          action: 'shift.open',
          subject: opened.shiftId,
          after: { floatFen, tillNo: d.tillNo, carriedIn },
        });
        return opened;
      })();
      return changed(s) as Shift;
    },
    beginClose(): Shift {
      return changed(move('CLOSING')) as Shift;
    },
    cancelClose(): Shift {
      return changed(move('OPEN')) as Shift;
    },
    /**
     * Z. An unfinished payment or parked sale blocks it unless `carryOver` (a supervisor's
     * approval, enforced by the permission table): then the Z lists each one it carries over.
     */
    async close(countedFen: number, carryOver: boolean): Promise<Report> {
      // The store's day (store database) is asked first: nothing waits on it inside the close.
      const store = await d.reports.storeSection(chinaDay(Date.parse(must().openedAt)));
      const open = openItems(repos.db);
      if (open.length > 0 && !carryOver)
        throw new TillError(
          'SHIFT_UNRESOLVED',
          'carryOver',
          open.map((o) => o.merchantOrderNo ?? o.orderId).join(', '),
        );
      const draft = repos.db.transaction(() => {
        let s = must();
        if (s.state === 'OPEN') s = repos.shifts.transition(s, 'CLOSING', now());
        const figures = { ...d.reports.shiftFigures(s, countedFen), ...store };
        const closed = repos.shifts.close(s, {
          by: d.actor(),
          at: now(),
          countedFen,
          expectedFen: figures.cashExpectedFen ?? s.floatFen,
          carriedOver: open.length > 0,
        });
        repos.audit.write({
          at: now(),
          actor: d.actor(),
          action: 'shift.close',
          subject: s.shiftId,
          before: { state: 'CLOSING' },
          after: {
            state: 'CLOSED',
            countedFen,
            expectedFen: closed.expectedFen,
            differenceFen: closed.differenceFen,
            carriedOver: open.map((o) => o.paymentId ?? o.orderId),
          },
        });
        const z = d.reports.draft('Z', closed, chinaDay(Date.parse(closed.openedAt)), figures);
        d.reports.save(z);
        return z;
      })();
      changed(null);
      return d.reports.publish(draft);
    },
  };

  function move(to: 'OPEN' | 'CLOSING'): Shift {
    return repos.db.transaction(() => {
      const s = must();
      if (s.state === to) return s; // asked twice (a double press): already there
      const next = repos.shifts.transition(s, to, now());
      repos.audit.write({
        at: now(),
        actor: d.actor(),
        action: to === 'CLOSING' ? 'shift.beginClose' : 'shift.cancelClose',
        subject: s.shiftId,
        before: { state: s.state },
        after: { state: to },
      });
      return next;
    })();
  }
}
export type ShiftService = ReturnType<typeof createShiftService>;
