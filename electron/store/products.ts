import type { Product } from '../../shared/domain';
import type { Db } from './db';

export function createProductsRepo(db: Db) {
  const byBarcode = db.prepare<
    [string],
    { barcode: string; name: string; price_fen: number; unit: string }
  >('SELECT barcode, name, price_fen, unit FROM products WHERE barcode = ?');
  const upsert = db.prepare(
    `INSERT INTO products (barcode, name, price_fen, unit) VALUES (?, ?, ?, ?)
     ON CONFLICT(barcode) DO UPDATE SET name = excluded.name, price_fen = excluded.price_fen, unit = excluded.unit`,
  );
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM products');
  return {
    find(barcode: string): Product | null {
      const r = byBarcode.get(barcode);
      return r ? { barcode: r.barcode, name: r.name, priceFen: r.price_fen, unit: r.unit } : null;
    },
    importAll: db.transaction((products: readonly Product[]) => {
      for (const p of products) upsert.run(p.barcode, p.name, p.priceFen, p.unit);
    }),
    count: (): number => count.get()?.n ?? 0,
  };
}
export type ProductsRepo = ReturnType<typeof createProductsRepo>;
