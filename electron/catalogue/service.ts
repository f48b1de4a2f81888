import { readFileSync } from 'node:fs';
import { TillError } from '../../shared/errors';
import type { CatalogueInfo, ProductView } from '../../shared/selling/schemas';
import type { Repos } from '../store';
import { iso, type Clock } from '../services/clock';
import { importSheet, type ImportReport } from './importer';
import type { Sheet } from './readFile';
import { createSearchIndex } from './searchIndex';
import { searchKeys } from './searchKeys';

export interface CatalogueDeps {
  repos: Pick<Repos, 'db' | 'products' | 'catalogue' | 'audit'>;
  clock: Clock;
  actor: () => string;
}

/** The sample catalogue (resources/catalogue.json) as a sheet, so it passes the import's checks. */
export function demoSheet(file: string): Sheet {
  const items = JSON.parse(readFileSync(file, 'utf8')) as {
    barcode: string;
    name: string;
    priceFen: number;
    unit: string;
    category?: string;
    plu?: string;
  }[];
  return {
    format: 'CSV',
    encoding: 'JSON',
    header: ['barcode', 'name', 'priceFen', 'unit', 'category', 'plu'],
    rows: items.map((p, i) => ({
      line: i + 1,
      cells: [p.barcode, p.name, p.priceFen, p.unit, p.category ?? '', p.plu ?? ''],
    })),
  };
}

/** The shop's catalogue as the host serves it: search, info, a supervisor's price change. */
export function createCatalogue(d: CatalogueDeps) {
  const { repos, clock } = d;
  const index = createSearchIndex(repos);

  /** Products written without search keys (an older store, a central pull) get them now. */
  function backfillKeys(): number {
    const missing = repos.products.missingSearchKeys();
    repos.products.setSearchKeys(
      missing.map((m) => ({ barcode: m.barcode, ...searchKeys(m.name) })),
    );
    return missing.length;
  }

  /** Only into a store that never had a catalogue: a shop's own goods are never overwritten. */
  function seedDemo(file: string): ImportReport | null {
    if (repos.catalogue.current() > 0 || repos.products.count() > 0) return null;
    return importSheet(repos, demoSheet(file), {
      skipBad: false,
      source: 'demo',
      actor: 'system',
      at: iso(clock.now()),
    });
  }

  function setPrice(barcode: string, priceFen: number): ProductView {
    const before = repos.products.find(barcode);
    if (!before) throw new TillError('NOT_FOUND', 'barcode');
    if (before.priceFen === priceFen) return before;
    const at = iso(clock.now());
    const actor = d.actor();
    repos.db.transaction(() => {
      const version = repos.catalogue.open('edit', actor, at);
      repos.products.setPrice(barcode, priceFen, version, at);
      repos.catalogue.close(version, { added: 0, changed: 1, unchanged: 0 });
      repos.audit.record(at, actor, 'product.setPrice', barcode, {
        name: before.name,
        fromFen: before.priceFen,
        toFen: priceFen,
        version,
      });
    })();
    return repos.products.find(barcode) as ProductView;
  }

  return {
    search: (query: string, limit?: number) => ({ query, ...index.search(query, limit) }),
    info: (): CatalogueInfo => repos.catalogue.info(),
    setPrice,
    backfillKeys,
    seedDemo,
    warm: index.warm,
  };
}
export type Catalogue = ReturnType<typeof createCatalogue>;
