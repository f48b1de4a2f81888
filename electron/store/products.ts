import type { Product } from '../../shared/domain';
import type { ProductView } from '../../shared/selling/schemas';
import { gramsPerUnit } from '../../shared/selling/units';
import type { Db } from './db';

interface Row {
  barcode: string;
  name: string;
  price_fen: number;
  unit: string;
  category: string;
  plu: string | null;
  active: number;
  version: number;
}

/** A catalogue row as the import writes it (search keys worked out beforehand). */
export interface ProductRow {
  barcode: string;
  name: string;
  priceFen: number;
  unit: string;
  category: string;
  plu: string | null;
  active: boolean;
  searchInitials: string;
  searchFull: string;
}

const COLS = 'barcode, name, price_fen, unit, category, plu, active, version';

export const toView = (r: Row): ProductView => ({
  barcode: r.barcode,
  name: r.name,
  priceFen: r.price_fen,
  unit: r.unit,
  category: r.category,
  plu: r.plu,
  active: r.active === 1,
  weighed: gramsPerUnit(r.unit) !== null,
  version: r.version,
});

/** The shop's catalogue. Reads are single indexed lookups; writes happen in catalogue versions. */
export function createProductsRepo(db: Db) {
  const q = {
    byBarcode: db.prepare<[string], Row>(`SELECT ${COLS} FROM products WHERE barcode = ?`),
    byPlu: db.prepare<[string], Row>(`SELECT ${COLS} FROM products WHERE plu = ?`),
    all: db.prepare<[], Row>(`SELECT ${COLS} FROM products ORDER BY barcode`),
    upsertLegacy: db.prepare(
      `INSERT INTO products (barcode, name, price_fen, unit) VALUES (?, ?, ?, ?)
       ON CONFLICT(barcode) DO UPDATE SET name = excluded.name, price_fen = excluded.price_fen, unit = excluded.unit`,
    ),
    upsert: db.prepare(
      `INSERT INTO products (barcode, name, price_fen, unit, category, plu, active,
         search_initials, search_full, version, updated_at)
       VALUES (@barcode, @name, @priceFen, @unit, @category, @plu, @active,
         @searchInitials, @searchFull, @version, @at)
       ON CONFLICT(barcode) DO UPDATE SET name = excluded.name, price_fen = excluded.price_fen,
         unit = excluded.unit, category = excluded.category, plu = excluded.plu,
         active = excluded.active, search_initials = excluded.search_initials,
         search_full = excluded.search_full, version = excluded.version,
         updated_at = excluded.updated_at`,
    ),
    clearPlu: db.prepare(
      'UPDATE products SET plu = NULL, version = ?, updated_at = ? WHERE plu = ? AND barcode != ?',
    ),
    setPrice: db.prepare(
      'UPDATE products SET price_fen = ?, version = ?, updated_at = ? WHERE barcode = ?',
    ),
    count: db.prepare<[], { n: number; active: number }>(
      'SELECT COUNT(*) AS n, COALESCE(SUM(active), 0) AS active FROM products',
    ),
    missingKeys: db.prepare<[], { barcode: string; name: string }>(
      "SELECT barcode, name FROM products WHERE search_full = '' AND name != ''",
    ),
    setKeys: db.prepare(
      'UPDATE products SET search_initials = ?, search_full = ? WHERE barcode = ?',
    ),
  };
  return {
    find(barcode: string): ProductView | null {
      const r = q.byBarcode.get(barcode);
      return r ? toView(r) : null;
    },
    byPlu(plu: string): ProductView | null {
      const r = q.byPlu.get(plu);
      return r ? toView(r) : null;
    },
    *all(): Generator<ProductView> {
      for (const r of q.all.iterate()) yield toView(r);
    },
    /** Inside the caller's transaction (a catalogue version). */
    upsert(p: ProductRow, version: number, at: string): void {
      // A PLU moved to another product in the same import: the old holder lets go of it.
      if (p.plu !== null) q.clearPlu.run(version, at, p.plu, p.barcode);
      q.upsert.run({
        barcode: p.barcode,
        name: p.name,
        priceFen: p.priceFen,
        unit: p.unit,
        category: p.category,
        plu: p.plu,
        active: p.active ? 1 : 0,
        searchInitials: p.searchInitials,
        searchFull: p.searchFull,
        version,
        at,
      });
    },
    setPrice(barcode: string, priceFen: number, version: number, at: string): boolean {
      return q.setPrice.run(priceFen, version, at, barcode).changes > 0;
    },
    /** Plain upsert of barcode, name, price and unit (test rigs and benches). */
    importAll: db.transaction((products: readonly Product[]) => {
      for (const p of products) q.upsertLegacy.run(p.barcode, p.name, p.priceFen, p.unit);
    }),
    count: (): number => q.count.get()?.n ?? 0,
    counts: () => q.count.get() ?? { n: 0, active: 0 },
    missingSearchKeys: () => q.missingKeys.all(),
    setSearchKeys: db.transaction((rows: { barcode: string; initials: string; full: string }[]) => {
      for (const r of rows) q.setKeys.run(r.initials, r.full, r.barcode);
    }),
  };
}
export type ProductsRepo = ReturnType<typeof createProductsRepo>;
