import type { ProductView } from '../../shared/selling/schemas';
import type { Repos } from '../store';
import type { ProductRow } from '../store/products';
import { mapHeaders } from './headers';
import type { Sheet } from './readFile';
import { searchKeys } from './searchKeys';
import { refuseDuplicates, validateRow, type BadRow, type GoodRow } from './validate';

export interface ImportOptions {
  /** Import the good rows and list the bad ones, instead of importing nothing. */
  skipBad: boolean;
  /** Count only; the store is not touched. */
  dryRun?: boolean;
  /** Recorded with the version: 'import:<file>', 'demo', 'pull:v<N>'… */
  source: string;
  /** The audit action: a file is 'catalogue.import', the store database's 'catalogue.pull'. */
  action?: 'catalogue.import' | 'catalogue.pull';
  actor: string;
  at: string;
}

export interface ImportReport {
  format: Sheet['format'];
  encoding: string;
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  bad: BadRow[];
  ignoredColumns: string[];
  /** The file cannot be read as a catalogue at all (a required column missing). */
  problems: string[];
  imported: boolean;
  /** The catalogue version this import made (null: nothing changed or nothing imported). */
  version: number | null;
}

export interface CheckedSheet {
  good: GoodRow[];
  /** Every refused row, in sheet order. */
  bad: BadRow[];
  ignoredColumns: string[];
  /** The sheet cannot be a catalogue at all (a required column missing): nothing is checked. */
  problems: string[];
}

/**
 * The import's rules over a whole sheet: each row on its own (validateRow), then barcodes and
 * PLUs named twice. The store database's publish applies the same rules (electron/sync).
 */
export function checkSheet(sheet: Sheet): CheckedSheet {
  const map = mapHeaders(sheet.header);
  if (map.problems.length > 0)
    return { good: [], bad: [], ignoredColumns: map.ignored, problems: map.problems };
  const checked = sheet.rows.map((r) => validateRow(r.cells, r.line, map));
  const { good, bad } = refuseDuplicates(checked.filter((r): r is GoodRow => 'barcode' in r));
  return {
    good,
    bad: [...checked.filter((r): r is BadRow => 'reason' in r), ...bad].sort(
      (a, b) => a.line - b.line,
    ),
    ignoredColumns: map.ignored,
    problems: [],
  };
}

const same = (p: ProductView, r: GoodRow): boolean =>
  p.name === r.name &&
  p.priceFen === r.priceFen &&
  p.unit === r.unit &&
  p.category === r.category &&
  p.plu === r.plu &&
  p.active === r.active;

/**
 * One import, one transaction: every good row is added or updated under a new catalogue version,
 * with its audit row, or nothing is written. A file with bad rows imports nothing unless
 * `skipBad` is given; products the file does not name are left as they are.
 */
export function importSheet(
  repos: Pick<Repos, 'db' | 'products' | 'catalogue' | 'audit'>,
  sheet: Sheet,
  opts: ImportOptions,
): ImportReport {
  const checked = checkSheet(sheet);
  const { good } = checked;
  const report: ImportReport = {
    format: sheet.format,
    encoding: sheet.encoding,
    rows: sheet.rows.length,
    added: 0,
    changed: 0,
    unchanged: 0,
    bad: checked.bad,
    ignoredColumns: checked.ignoredColumns,
    problems: checked.problems,
    imported: false,
    version: null,
  };
  if (report.problems.length > 0) return report;
  if (report.bad.length > 0 && !opts.skipBad) return report;

  const writes: ProductRow[] = [];
  for (const r of good) {
    const existing = repos.products.find(r.barcode);
    if (existing && same(existing, r)) {
      report.unchanged += 1;
      continue;
    }
    if (existing) report.changed += 1;
    else report.added += 1;
    const keys = searchKeys(r.name);
    writes.push({ ...r, searchInitials: keys.initials, searchFull: keys.full });
  }
  if (opts.dryRun) return report;

  repos.db.transaction(() => {
    if (writes.length > 0) {
      const version = repos.catalogue.open(opts.source, opts.actor, opts.at);
      for (const w of writes) repos.products.upsert(w, version, opts.at);
      repos.catalogue.close(version, report);
      report.version = version;
    }
    repos.audit.record(opts.at, opts.actor, opts.action ?? 'catalogue.import', opts.source, {
      version: report.version,
      rows: report.rows,
      added: report.added,
      changed: report.changed,
      unchanged: report.unchanged,
      skippedBad: report.bad.length,
    });
  })();
  report.imported = true;
  return report;
}
