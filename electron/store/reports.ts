import type { Figures } from '../../shared/api/shift';
import type { Db } from './db';

export type ReportKind = 'X' | 'Z' | 'DAY';
export interface ReportRow {
  reportId: string;
  kind: ReportKind;
  shiftId: string | null;
  day: string;
  copyOf: string | null;
  text: string;
  figures: Figures;
  txtPath: string;
  jobId: string | null;
  createdBy: string;
  createdAt: string;
}
interface Row {
  id: string;
  kind: ReportKind;
  shift_id: string | null;
  day: string;
  copy_of: string | null;
  text: string;
  figures: string;
  txt_path: string;
  job_id: string | null;
  created_by: string;
  created_at: string;
}
const toReport = (r: Row): ReportRow => ({
  reportId: r.id,
  kind: r.kind,
  shiftId: r.shift_id,
  day: r.day,
  copyOf: r.copy_of,
  text: r.text,
  figures: JSON.parse(r.figures) as Figures,
  txtPath: r.txt_path,
  jobId: r.job_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

/** Every X, Z and day report is kept as printed, with the figures it was made from. */
export function createReportsRepo(db: Db) {
  const q = {
    insert: db.prepare(
      `INSERT INTO reports (id, kind, shift_id, day, copy_of, text, figures, txt_path, created_by, created_at)
       VALUES (@reportId, @kind, @shiftId, @day, @copyOf, @text, @figures, @txtPath, @createdBy, @createdAt)`,
    ),
    get: db.prepare<[string], Row>('SELECT * FROM reports WHERE id = ?'),
    recent: db.prepare<[number], Row>(
      'SELECT * FROM reports ORDER BY created_at DESC, rowid DESC LIMIT ?',
    ),
    job: db.prepare('UPDATE reports SET job_id = ? WHERE id = ?'),
  };
  const get = (id: string): ReportRow | null => {
    const r = q.get.get(id);
    return r ? toReport(r) : null;
  };
  return {
    insert(r: Omit<ReportRow, 'jobId'>): ReportRow {
      q.insert.run({ ...r, figures: JSON.stringify(r.figures) });
      return get(r.reportId) as ReportRow;
    },
    get,
    recent: (limit: number): ReportRow[] => q.recent.all(limit).map(toReport),
    setJob: (reportId: string, jobId: string): void => void q.job.run(jobId, reportId),
  };
}
export type ReportsRepo = ReturnType<typeof createReportsRepo>;
