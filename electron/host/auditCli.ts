import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { verifyChain } from '../store/auditChain';

const USAGE = `usage: npm run audit -- verify [dataDir]
  verify   walk the audit trail's hash chain in <dataDir>/till.db (default: TILL_DATA_DIR or ~/.till)
           exit 0: intact; 1: a row was changed, deleted or inserted (the first one is named); 2: error`;

/** `npm run audit -- verify [dataDir]`: read-only, so it can run beside a working till. */
function runAuditCli(argv: string[], env = process.env, out = console.log): number {
  const [command, dir] = argv;
  if (command !== 'verify') {
    out(USAGE);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  const dataDir = resolve(dir || env.TILL_DATA_DIR || join(homedir(), '.till'));
  const file = join(dataDir, 'till.db');
  if (!existsSync(file)) {
    out(`no store at ${file}`);
    return 2;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasChain = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_chain'")
      .get();
    if (!hasChain) {
      out(`${file}: this store predates the audit chain (start the till once to migrate it)`);
      return 2;
    }
    const v = verifyChain(db);
    const legacy = v.legacyRows ? ` (+${v.legacyRows} written before the chain began)` : '';
    if (v.ok) {
      const head = v.head ? `, head #${v.head.id} ${v.head.hash.slice(0, 16)}` : '';
      out(`audit chain intact: ${v.rows} rows${legacy}${head} — ${file}`);
      return 0;
    }
    out(
      `audit chain BROKEN at row #${v.firstBad?.id} (${v.firstBad?.problem}): ${v.firstBad?.message} — ${file}`,
    );
    return 1;
  } finally {
    db.close();
  }
}

try {
  process.exitCode = runAuditCli(process.argv.slice(2));
} catch (err) {
  console.error(`audit: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
}
