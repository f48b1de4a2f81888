import type { ProductView } from '../../shared/selling/schemas';
import type { Repos } from '../store';
import { normalizeQuery } from './searchKeys';

interface Index {
  version: number;
  barcodes: string[];
  plus: (string | null)[];
  names: string[];
  initials: string[];
  fulls: string[];
  /** name, initials and full pinyin in one string: one includes() rules most products out. */
  all: string[];
}

/** How much of each rank is kept before sorting by name length (a one-letter query hits thousands). */
const BUCKET = 400;

/**
 * Finding goods without a barcode, by name, pinyin initials (nfsq → 农夫山泉) or full pinyin.
 * The keys are stored with each product (worked out at import); this keeps them in memory, in
 * plain arrays, and rebuilds when the catalogue version moves on — an import, a price edit or a
 * central pull. A scan over 50,000 names is a few milliseconds (bench/catalogue.ts), so every
 * keystroke gets its answer before the next one.
 */
export function createSearchIndex(repos: Pick<Repos, 'db' | 'products' | 'catalogue'>) {
  const load = repos.db.prepare<
    [],
    {
      barcode: string;
      plu: string | null;
      name: string;
      search_initials: string;
      search_full: string;
    }
  >('SELECT barcode, plu, name, search_initials, search_full FROM products WHERE active = 1');
  let index: Index | null = null;

  function current(): Index {
    const version = repos.catalogue.current();
    if (index && index.version === version) return index;
    const next: Index = {
      version,
      barcodes: [],
      plus: [],
      names: [],
      initials: [],
      fulls: [],
      all: [],
    };
    for (const r of load.iterate()) {
      const name = normalizeQuery(r.name);
      next.barcodes.push(r.barcode);
      next.plus.push(r.plu);
      next.names.push(name);
      next.initials.push(r.search_initials);
      next.fulls.push(r.search_full);
      next.all.push(`${name}\u0001${r.search_initials}\u0001${r.search_full}`);
    }
    index = next;
    return next;
  }

  function search(query: string, limit = 20): { items: ProductView[]; version: number } {
    const q = normalizeQuery(query);
    const ix = current();
    if (q === '') return { items: [], version: ix.version };
    // Rank 0: the exact code; 1: a name or initials prefix; 2: a full-pinyin prefix; 3: inside.
    const buckets: number[][] = [[], [], [], []];
    for (let i = 0; i < ix.names.length; i++) {
      let rank = -1;
      if (ix.barcodes[i] === q || ix.plus[i] === q) rank = 0;
      else if ((ix.all[i] as string).includes(q)) {
        if ((ix.names[i] as string).startsWith(q) || (ix.initials[i] as string).startsWith(q)) {
          rank = 1;
        } else rank = (ix.fulls[i] as string).startsWith(q) ? 2 : 3;
      }
      if (rank >= 0) {
        const b = buckets[rank] as number[];
        if (b.length < BUCKET) b.push(i);
      }
    }
    const picked: number[] = [];
    for (const b of buckets) {
      if (picked.length >= limit) break;
      b.sort((x, y) => (ix.names[x] as string).length - (ix.names[y] as string).length);
      picked.push(...b.slice(0, limit - picked.length));
    }
    const items = picked
      .map((i) => repos.products.find(ix.barcodes[i] as string))
      .filter((p): p is ProductView => p !== null);
    return { items, version: ix.version };
  }

  return { search, warm: () => void current() };
}
export type SearchIndex = ReturnType<typeof createSearchIndex>;
