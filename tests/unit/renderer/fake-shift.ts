import type { Figures, Report, Shift } from '../../../shared/api/shift';
import type { Payment } from '../../../shared/domain';
import { apiError } from '../../../shared/errors';
import type { ApiError } from '../../../shared/result';

/**
 * The fake host's shift (交接班), as electron/shifts/service.ts keeps it: OPEN → CLOSING →
 * CLOSED (or back to OPEN), one open shift, no close over an unfinished payment unless carried
 * over, and reports whose figures are the paid payments of the shift by method.
 */
const UNFINISHED = ['NEW', 'SUBMITTING', 'PENDING', 'QUERYING', 'REVERSING', 'NEEDS_MANUAL'];
const METHODS = ['CASH', 'WECHAT', 'ALIPAY'] as const;
const now = () => new Date().toISOString();

export function createFakeShift(payments: () => Payment[], who: () => string, open: boolean) {
  let seq = 0;
  let shift: Shift | null = null;
  const reports: Report[] = [];
  const mine = new Set<string>();
  const openShift = (floatFen: number): Shift =>
    (shift = {
      shiftId: `S${++seq}`,
      tillNo: '01',
      state: 'OPEN',
      openedBy: who(),
      openedByName: who(),
      openedAt: now(),
      floatFen,
      closedBy: null,
      closedAt: null,
      countedFen: null,
      expectedFen: null,
      differenceFen: null,
      carriedOver: false,
    });
  if (open) openShift(0);

  function figures(s: Shift, countedFen: number | null): Figures {
    const paid = payments().filter((p) => p.state === 'PAID' && mine.has(p.paymentId));
    const byMethod = METHODS.map((method) => {
      const of = paid.filter((p) => p.method === method);
      const fen = of.reduce((n, p) => n + p.amountFen, 0);
      return {
        method,
        salesCount: of.length,
        salesFen: fen,
        refundCount: 0,
        refundFen: 0,
        netFen: fen,
      };
    });
    const cash = byMethod[0]!.netFen;
    const expected = s.floatFen + cash;
    const sum = (k: 'salesCount' | 'salesFen') => byMethod.reduce((n, m) => n + m[k], 0);
    return {
      from: s.openedAt,
      to: now(),
      byMethod,
      totals: {
        salesCount: sum('salesCount'),
        salesFen: sum('salesFen'),
        refundCount: 0,
        refundFen: 0,
        netFen: sum('salesFen'),
      },
      voids: { count: 0, fen: 0 },
      pendingRefunds: { count: 0, fen: 0 },
      noSaleDrawer: 0,
      floatFen: s.floatFen,
      cashExpectedFen: expected,
      countedFen,
      differenceFen: countedFen === null ? null : countedFen - expected,
      unresolved: unfinished().map((p) => ({
        orderId: p.orderId,
        paymentId: p.paymentId,
        merchantOrderNo: p.merchantOrderNo,
        method: p.method,
        amountFen: p.amountFen,
        state: p.state,
        createdAt: p.createdAt,
      })),
      shifts: [],
      auditHead: null,
    };
  }
  const unfinished = () => payments().filter((p) => UNFINISHED.includes(p.state));
  const report = (
    kind: Report['kind'],
    s: Shift,
    f: Figures,
    copyOf: string | null = null,
  ): Report => {
    const r: Report = {
      reportId: `R${++seq}`,
      kind,
      shiftId: s.shiftId,
      day: s.openedAt.slice(0, 10),
      copyOf,
      text: `${kind} 报表${copyOf ? ' 副本 COPY' : ''}\n应有现金 ${f.cashExpectedFen}`,
      txtPath: `/tmp/reports/${kind}.txt`,
      createdAt: now(),
      createdBy: who(),
      figures: f,
      printJob: null,
    };
    reports.unshift(r);
    return r;
  };

  return {
    current: () => shift,
    reports,
    /** Why no payment may start now, if so. */
    blocked(): ApiError | null {
      if (!shift) return apiError('NO_SHIFT');
      return shift.state === 'CLOSING' ? apiError('SHIFT_CLOSING') : null;
    },
    /** Payments started while a shift is open belong to it. */
    take: (paymentId: string) => void mine.add(paymentId),
    open(floatFen: number): Shift | ApiError {
      return shift ? apiError('SHIFT_OPEN') : openShift(floatFen);
    },
    move(to: 'OPEN' | 'CLOSING'): Shift | ApiError {
      if (!shift) return apiError('NO_SHIFT');
      shift = { ...shift, state: to };
      return shift;
    },
    close(countedFen: number, carryOver: boolean): Report | ApiError {
      if (!shift) return apiError('NO_SHIFT');
      if (unfinished().length > 0 && !carryOver) return apiError('SHIFT_UNRESOLVED', 'carryOver');
      const f = figures(shift, countedFen);
      const closed: Shift = {
        ...shift,
        state: 'CLOSED',
        closedAt: now(),
        closedBy: who(),
        countedFen,
        expectedFen: f.cashExpectedFen,
        differenceFen: f.differenceFen,
        carriedOver: unfinished().length > 0,
      };
      shift = null;
      return report('Z', closed, f);
    },
    x: (): Report | ApiError =>
      shift ? report('X', shift, figures(shift, null)) : apiError('NO_SHIFT'),
    reprint(reportId: string): Report | ApiError {
      const r = reports.find((x) => x.reportId === reportId);
      if (!r) return apiError('NOT_FOUND', 'reportId');
      const copy = {
        ...r,
        reportId: `R${++seq}`,
        copyOf: r.reportId,
        text: `${r.text}\n副本 COPY`,
        createdAt: now(),
      };
      reports.unshift(copy);
      return copy;
    },
  };
}
export type FakeShift = ReturnType<typeof createFakeShift>;
