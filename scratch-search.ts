import { openRepos } from './electron/store';
import { searchKeys, normalizeQuery } from './electron/catalogue/searchKeys';
import catalogue from './resources/catalogue.json';
import { rmSync } from 'node:fs';
rmSync('/tmp/s.db', { force: true });
const repos = openRepos('/tmp/s.db');
let t = performance.now();
repos.db.transaction(() => {
  for (let i = 0; i < 50000; i++) {
    const c = catalogue[i % catalogue.length]!;
    const name = `${c.name} ${i}号`;
    const k = searchKeys(name);
    repos.products.upsert({ barcode: String(1000000 + i), name, priceFen: c.priceFen, unit: c.unit, category: '', plu: null, active: true, searchInitials: k.initials, searchFull: k.full }, 1, 'x');
  }
})();
console.log('insert', performance.now() - t);
const qs = ['n', 'nf', 'nfs', 'nfsq', 'nongfu', '山泉', 'kele', 'ksf', 'hsnrm', 'zzzz', '550ml'];
for (const q of qs) {
  const times: number[] = [];
  for (let r = 0; r < 20; r++) { t = performance.now(); repos.productSearch.search(normalizeQuery(q), 20); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  console.log(q, times[10]!.toFixed(2), times[18]!.toFixed(2), repos.productSearch.search(q, 3).map(p => p.name));
}
