import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { verifyChain } from '../../store/auditChain';
import { cliArgs } from './args';

const USAGE = `npm run audit -- verify [dataDir]   (or --data-dir DIR; default TILL_DATA_DIR or ~/.till)
  verify   walks the audit trail's hash chain in till.db, read-only (the till may keep running)
           exit 0: intact; 1: a row was changed, deleted or inserted (the first one is named);
           2: no store, or a store from before the audit chain`;

/** `npm run audit -- verify [dataDir]`: does the audit trail still say what the till wrote? */
export function auditCli(argv: string[]): number {
  const { dataDir, words } = cliArgs(argv);
  const [cmd, dir] = words;
  if (cmd !== 'verify') {
    console.error(USAGE);
    return 2;
  }
  const file = join(dir ? resolve(dir) : dataDir, 'till.db');
  if (!existsSync(file)) {
    console.error(`no store at ${file}`);
    return 2;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const chained = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_chain'")
      .get();
    if (!chained) {
      console.error(`${file}: this store predates the audit chain (start the till once)`);
      return 2;
    }
    const v = verifyChain(db);
    const legacy = v.legacyRows ? ` (+${v.legacyRows} written before the chain began)` : '';
    if (v.ok) {
      const head = v.head ? `, head #${v.head.id} ${v.head.hash.slice(0, 16)}` : '';
      console.log(`audit chain intact: ${v.rows} rows${legacy}${head} — ${file}`);
      return 0;
    }
    const bad = v.firstBad;
    console.log(
      `audit chain BROKEN at row #${bad?.id} (${bad?.problem}): ${bad?.message} — ${file}`,
    );
    return 1;
  } finally {
    db.close();
  }
}
