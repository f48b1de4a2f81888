import { importSheet } from '../catalogue/importer';
import type { Sheet } from '../catalogue/readFile';
import { REASON_TEXT } from '../catalogue/validate';
import { iso, type Clock } from '../services/clock';
import type { Repos } from '../store';
import type { PulledTable } from './pull';

/** The shared catalogue's columns, in the order of the sheet the till checks them as. */
const COLUMNS = ['barcode', 'name', 'price_fen', 'unit', 'category', 'plu', 'active'] as const;
const HEADER = ['barcode', 'name', 'priceFen', 'unit', 'category', 'plu', 'active'];

/**
 * `shared_products` taken into the till's own catalogue, as an import is: the same rules (a
 * name that would drive the printer, a wrong check digit or an unknown unit is refused), pinyin
 * search keys, one catalogue version (`pull:v<N>`) with its `catalogue.pull` audit row, all in
 * the pull's transaction. A product retired centrally stays in the till, off sale (orders name
 * it); one the till never had is not added just to be retired.
 */
export function sharedCatalogue(
  repos: Pick<Repos, 'db' | 'products' | 'catalogue' | 'audit'>,
  clock: Clock,
): PulledTable {
  return {
    pg: 'shared_products',
    columns: COLUMNS,
    apply(rows, v) {
      const taken = rows.filter((r) => !r.deleted || repos.products.find(String(r.barcode)));
      const sheet: Sheet = {
        format: 'CSV',
        encoding: 'store database',
        header: HEADER,
        rows: taken.map((r, i) => ({
          line: i + 1,
          cells: [
            String(r.barcode),
            String(r.name),
            Number(r.price_fen),
            String(r.unit),
            String(r.category),
            // A retired product lets go of its PLU: another product may hold it now.
            r.deleted || r.plu === null ? '' : String(r.plu),
            r.deleted ? false : r.active === true,
          ],
        })),
      };
      const report = importSheet(repos, sheet, {
        skipBad: true,
        source: `pull:v${v.to}`,
        action: 'catalogue.pull',
        actor: 'store-db',
        at: iso(clock.now()),
      });
      return {
        refused: report.bad.map((b) => ({
          key: String(taken[b.line - 1]?.barcode ?? b.value),
          reason: REASON_TEXT[b.reason],
        })),
      };
    },
  };
}
