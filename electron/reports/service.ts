import { join } from 'node:path';
import { encodeEscPos, layoutReceipt, renderText, type PrinterProfile } from '../../printer';
import type { Figures, Report, Shift, StoreDay } from '../../shared/api/shift';
import { TillError } from '../../shared/errors';
import type { PrintQueue } from '../receipts/printQueue';
import { writeFileAtomic } from '../receipts/printTxt';
import { chinaTime } from '../receipts/service';
import type { Repos } from '../store';
import type { ReportKind, ReportRow } from '../store/reports';
import { iso, type Clock } from '../services/clock';
import { chinaDay, chinaDayRange } from '../services/days';
import { newId } from '../services/ids';
import { computeFigures, type Scope } from './figures';
import { buildReportDoc } from './layout';

export interface ReportDeps {
  repos: Pick<Repos, 'db' | 'reports' | 'shifts' | 'audit' | 'users' | 'printJobs'>;
  queue: PrintQueue;
  dataDir: string;
  profile: { current: PrinterProfile };
  clock: Clock;
  storeName: string;
  tillNo: string;
  sandbox: () => boolean;
  actor: () => string;
  /** The store's day from the store database; absent when this till works alone. */
  storeDay?: (day: string) => Promise<StoreDay>;
}

/** A report made but not yet kept: the caller saves it in its own transaction (a Z with its close). */
export interface Draft {
  row: Omit<ReportRow, 'jobId'>;
  bytes: Uint8Array;
}

/**
 * X, Z and day reports: figures from the store, laid out once for paper and text. Each is kept
 * in the store, written as a text file beside print.txt (reports/<day>/<id>.txt and report.txt)
 * and printed on the receipt printer through the print queue. A reprint is a new copy marked 副本.
 */
export function createReportService(d: ReportDeps) {
  const { repos, clock } = d;
  const staff = (id: string) => {
    const u = repos.users.get(id);
    return u ? `${u.name} ${u.userId}` : id;
  };
  const time = (at: string) => chinaTime(Date.parse(at));

  function draft(
    kind: ReportKind,
    shift: Shift | null,
    day: string,
    figures: Figures,
    copyOf: string | null = null,
  ): Draft {
    const at = clock.now();
    const by = d.actor();
    const doc = buildReportDoc(
      {
        kind,
        storeName: d.storeName,
        tillNo: d.tillNo,
        day,
        printedAt: chinaTime(at),
        by: staff(by),
        shift,
        copy: copyOf !== null,
        sandbox: d.sandbox(),
        time,
      },
      figures,
    );
    const laid = layoutReceipt(doc, d.profile.current);
    const reportId = newId('rpt');
    return {
      row: {
        reportId,
        kind,
        shiftId: shift?.shiftId ?? null,
        day,
        copyOf,
        text: renderText(laid),
        figures,
        txtPath: join(d.dataDir, 'reports', day, `${kind}-${reportId}.txt`),
        createdBy: by,
        createdAt: iso(at),
      },
      bytes: encodeEscPos(laid),
    };
  }

  /** Kept in the store with its audit row; call inside the transaction of the change it reports. */
  function save(x: Draft): void {
    repos.reports.insert(x.row);
    repos.audit.record(x.row.createdAt, x.row.createdBy, 'report.print', x.row.reportId, {
      kind: x.row.kind,
      shiftId: x.row.shiftId,
      copyOf: x.row.copyOf,
    });
  }

  /** After commit: the text files, then the printer. */
  function publish(x: Draft): Report {
    writeFileAtomic(x.row.txtPath, x.row.text);
    writeFileAtomic(join(d.dataDir, 'report.txt'), x.row.text);
    const { job } = d.queue.enqueue(null, `report-${x.row.kind}`, x.bytes);
    repos.reports.setJob(x.row.reportId, job.jobId);
    return view(repos.reports.get(x.row.reportId) as ReportRow);
  }

  const view = (r: ReportRow): Report => {
    const { jobId, ...rest } = r;
    return { ...rest, printJob: jobId ? repos.printJobs.get(jobId) : null };
  };

  /** One shift's figures up to now (X) or up to its close (Z). */
  function shiftFigures(s: Shift, countedFen: number | null): Figures {
    const scope: Scope = { shiftId: s.shiftId, fromAt: s.openedAt, toAt: iso(clock.now() + 1) };
    return {
      ...computeFigures(repos.db, scope, { floatFen: s.floatFen, countedFen, shifts: [] }),
      auditHead: repos.audit.head(),
    };
  }

  /**
   * The store section of X, Z and day reports: every till's takings that day from the store
   * database, asked before the report is drafted; none when the till works alone.
   */
  const storeSection = async (day: string): Promise<{ store?: StoreDay }> =>
    d.storeDay ? { store: await d.storeDay(day) } : {};

  const printNow = (x: Draft): Report => {
    repos.db.transaction(() => save(x))();
    return publish(x);
  };

  return {
    draft,
    save,
    publish,
    shiftFigures,
    storeSection,
    async x(shift: Shift | null): Promise<Report> {
      if (!shift) throw new TillError('NO_SHIFT');
      const day = chinaDay(Date.parse(shift.openedAt));
      const store = await storeSection(day);
      return printNow(draft('X', shift, day, { ...shiftFigures(shift, null), ...store }));
    },
    /**
     * Everything taken on a China date, across its shifts (and outside any); with a store
     * database, every till's takings too (asked before the report is drafted, never after).
     */
    async day(day = chinaDay(clock.now())): Promise<Report> {
      const store = await storeSection(day);
      const range = chinaDayRange(day);
      const shifts = repos.shifts.openedBetween(range.fromAt, range.toAt);
      const floatFen = shifts.length ? shifts.reduce((n, s) => n + s.floatFen, 0) : null;
      const figures = {
        ...computeFigures(repos.db, range, { floatFen, countedFen: null, shifts }),
        auditHead: repos.audit.head(),
        ...store,
      };
      return printNow(draft('DAY', null, day, figures));
    },
    reprint(reportId: string): Report {
      const r = repos.reports.get(reportId);
      if (!r) throw new TillError('NOT_FOUND', 'reportId');
      const shift = r.shiftId ? repos.shifts.get(r.shiftId) : null;
      return printNow(draft(r.kind, shift, r.day, r.figures, r.copyOf ?? r.reportId));
    },
    get(reportId: string): Report {
      const r = repos.reports.get(reportId);
      if (!r) throw new TillError('NOT_FOUND', 'reportId');
      return view(r);
    },
    list: (limit = 20) =>
      repos.reports
        .recent(limit)
        .map(view)
        .map(({ text: _t, figures: _f, ...r }) => r),
  };
}
export type ReportService = ReturnType<typeof createReportService>;
