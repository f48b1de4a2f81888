import type { PgMigration } from './types';

/**
 * The shared catalogue carries what a till's own catalogue holds (till migration 009): the
 * category, the scale PLU and whether the product is on sale; and it takes the shop codes a
 * till accepts (1–7 digits, e.g. a PLU item 10001) besides GS1 codes (8, 12, 13, 14 digits).
 * The rules a name, unit or check digit must follow are the till's import rules; `store-db
 * publish` applies them, and a till applies them again to what it pulls.
 * A PLU is stored as a till keeps it (no leading zeros), and belongs to one product that is
 * not retired.
 * Adding columns writes no row: versions and the tills' copies stay as they are.
 */
export const pg003: PgMigration = {
  version: 3,
  name: 'shared-catalogue',
  up: `
    ALTER TABLE shared_products DROP CONSTRAINT shared_products_barcode_check;
    ALTER TABLE shared_products ADD CONSTRAINT shared_products_barcode_check
      CHECK (barcode ~ '^([0-9]{1,8}|[0-9]{12,14})$');
    ALTER TABLE shared_products
      ADD COLUMN category text NOT NULL DEFAULT '' CHECK (length(category) <= 20),
      ADD COLUMN plu text CHECK (plu ~ '^(0|[1-9][0-9]{0,5})$'),
      ADD COLUMN active boolean NOT NULL DEFAULT true;
    CREATE UNIQUE INDEX shared_products_by_plu ON shared_products (plu)
      WHERE plu IS NOT NULL AND NOT deleted;
  `,
};
