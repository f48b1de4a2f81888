import type { HandlerDeps, SomeHandlers } from '../handlers';

type ShiftChannel =
  | 'shift.current'
  | 'shift.open'
  | 'shift.beginClose'
  | 'shift.cancelClose'
  | 'shift.close'
  | 'report.x'
  | 'report.day'
  | 'report.list'
  | 'report.get'
  | 'report.reprint';

export function shiftHandlers(
  d: Pick<HandlerDeps, 'shifts' | 'reports'>,
): SomeHandlers<ShiftChannel> {
  return {
    'shift.current': () => ({ shift: d.shifts.current() }),
    'shift.open': ({ floatFen }) => d.shifts.open(floatFen),
    'shift.beginClose': () => d.shifts.beginClose(),
    'shift.cancelClose': () => d.shifts.cancelClose(),
    'shift.close': ({ countedFen, carryOver }) => d.shifts.close(countedFen, carryOver ?? false),
    'report.x': () => d.reports.x(d.shifts.current()),
    'report.day': ({ day }) => d.reports.day(day),
    'report.list': ({ limit }) => ({ reports: d.reports.list(limit) }),
    'report.get': ({ reportId }) => d.reports.get(reportId),
    'report.reprint': ({ reportId }) => d.reports.reprint(reportId),
  };
}
