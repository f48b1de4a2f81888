import { extname, resolve } from 'node:path';
import type { ClientBase } from 'pg';
import { checkSheet } from '../catalogue/importer';
import { readSheet, type Sheet } from '../catalogue/readFile';
import { demoSheet } from '../catalogue/service';
import { REASON_TEXT } from '../catalogue/validate';
import { publishProducts } from './pg/admin';

/**
 * `store-db publish FILE`: the shop's catalogue for every till, checked by the rules a till's
 * own import applies (a till checks what it pulls again). FILE is what `catalogue import`
 * reads (CSV, XLSX) or the sample's JSON. With a bad row nothing is published unless
 * `skipBad`; the bad rows are listed either way.
 */
export async function publishFile(
  db: ClientBase,
  file: string,
  skipBad: boolean,
  out: (line: string) => void,
): Promise<number> {
  const path = resolve(file);
  const sheet: Sheet =
    extname(path).toLowerCase() === '.json' ? demoSheet(path) : await readSheet(path);
  const checked = checkSheet(sheet);
  for (const p of checked.problems) out(`无法发布 cannot publish: ${p}`);
  if (checked.problems.length > 0) return 1;
  if (checked.ignoredColumns.length > 0)
    out(`未使用的列 ignored columns: ${checked.ignoredColumns.join(', ')}`);
  for (const b of checked.bad)
    out(`第 ${b.line} 行 row ${b.line}: ${REASON_TEXT[b.reason]}: ${b.value}`);
  if (checked.bad.length > 0 && !skipBad) {
    out(
      `${checked.bad.length} 行有错，未发布任何商品 bad rows: nothing published (fix them, or pass --skip-bad)`,
    );
    return 1;
  }
  const v = await publishProducts(db, checked.good);
  out(
    `published ${checked.good.length} products: shared data version ${v}` +
      (checked.bad.length > 0 ? ` (${checked.bad.length} bad rows skipped)` : ''),
  );
  return 0;
}
