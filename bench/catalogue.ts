import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importSheet } from '../electron/catalogue/importer';
import { readSheet } from '../electron/catalogue/readFile';
import { createSearchIndex } from '../electron/catalogue/searchIndex';
import { normalizeQuery } from '../electron/catalogue/searchKeys';
import { openRepos } from '../electron/store';
import { manyRows, writeCsv, writeXlsx } from '../tests/helpers/catalogueFiles';
import { tempDir } from '../tests/helpers/tmp';
import { median, percentile } from './stats';

const N = Number(process.env.BENCH_PRODUCTS ?? 50_000);
const HEADER = ['条码', '品名', '售价', '单位', '类别'];
/** What cashiers type, one keystroke at a time: every prefix of each query is a search. */
const QUERIES = ['nfsq', 'kele', 'hsnrm', '康师傅', '可口可乐', 'xuebing', '550', 'zzz'];

const ms = (t0: number) => performance.now() - t0;

async function timedImport(file: string, label: string) {
  const tmp = tempDir('till-bench-cat-');
  const repos = openRepos(join(tmp.dir, 'till.db'));
  const t0 = performance.now();
  const sheet = await readSheet(file);
  const read = ms(t0);
  const t1 = performance.now();
  const report = importSheet(repos, sheet, {
    skipBad: false,
    source: 'bench',
    actor: 'bench',
    at: new Date().toISOString(),
  });
  const write = ms(t1);
  console.log(
    `  import ${N.toLocaleString('en')} rows, ${label}: ${((read + write) / 1000).toFixed(2)} s ` +
      `(read ${(read / 1000).toFixed(2)} s, check + pinyin + one transaction ${(write / 1000).toFixed(2)} s; added ${report.added})`,
  );
  return { repos, tmp };
}

/** `npm run bench` section: catalogue import time and search time per keystroke. */
export async function main(): Promise<void> {
  const files = tempDir('till-bench-files-');
  const rows = manyRows(N);
  const csv = join(files.dir, 'catalogue.csv');
  const xlsx = join(files.dir, 'catalogue.xlsx');
  writeCsv(csv, [HEADER, ...rows]);
  await writeXlsx(xlsx, [HEADER, ...rows]);

  const fromXlsx = await timedImport(xlsx, 'XLSX');
  fromXlsx.repos.db.close();
  fromXlsx.tmp.cleanup();
  const { repos, tmp } = await timedImport(csv, 'CSV');

  // Ours: the in-memory index of stored pinyin keys. Peer: the plain SQL a first version
  // would write, LIKE over name and the same stored keys (no index can serve '%q%').
  const index = createSearchIndex(repos);
  const t0 = performance.now();
  index.warm();
  const warm = ms(t0);
  const like = repos.db.prepare(
    `SELECT barcode FROM products WHERE active = 1 AND (name LIKE @q OR search_initials LIKE @q
     OR search_full LIKE @q) LIMIT 20`,
  );
  // Peer 2: the same ranking as ours (exact, prefix, inside) done by SQLite.
  const ranked = repos.db.prepare(
    `SELECT barcode FROM products WHERE active = 1 AND (name LIKE @q OR search_initials LIKE @q
     OR search_full LIKE @q)
     ORDER BY CASE WHEN search_initials LIKE @p OR name LIKE @p THEN 1
       WHEN search_full LIKE @p THEN 2 ELSE 3 END, length(name) LIMIT 8`,
  );
  const ours: number[] = [];
  const peer: number[] = [];
  const peerRanked: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of QUERIES) {
      for (let n = 1; n <= q.length; n++) {
        const typed = q.slice(0, n);
        let s = performance.now();
        index.search(typed, 8);
        ours.push(ms(s));
        s = performance.now();
        like.all({ q: `%${normalizeQuery(typed)}%` });
        peer.push(ms(s));
        s = performance.now();
        ranked.all({ q: `%${normalizeQuery(typed)}%`, p: `${normalizeQuery(typed)}%` });
        peerRanked.push(ms(s));
      }
    }
  }
  const p95 = percentile(ours, 95);
  const peerP95 = percentile(peer, 95);
  console.log(
    `  search over ${N.toLocaleString('en')} products, per keystroke (${ours.length} searches): ` +
      `p95 ${p95.toFixed(2)} ms, median ${median(ours).toFixed(2)} ms (index built once in ${warm.toFixed(0)} ms)`,
  );
  const rankedP95 = percentile(peerRanked, 95);
  console.log(
    `  peer, SQL LIKE '%q%' on the same keys, first 20 found, unranked: p95 ${peerP95.toFixed(2)} ms, median ${median(peer).toFixed(2)} ms`,
  );
  console.log(
    `  peer, SQL LIKE with our ranking (prefix before inside, shortest name): p95 ${rankedP95.toFixed(2)} ms, median ${median(peerRanked).toFixed(2)} ms` +
      ` — ours ${(rankedP95 / p95).toFixed(1)}× faster at p95 for the same answer`,
  );
  repos.db.close();
  tmp.cleanup();
  files.cleanup();
}
