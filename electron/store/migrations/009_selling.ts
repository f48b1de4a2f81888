import type { Migration } from './types';

/**
 * What a real shop sells with (issue 11), all by new columns, tables and triggers:
 * - the catalogue is the shop's own, versioned: every change set (an import, a price edit, a
 *   later pull from the central store) is a row of catalogue_versions, and each product row
 *   says in which version it last changed; pinyin search keys are kept beside the name;
 * - lines can be weighed (grams, amount from the scale's label), open-price, and discounted;
 * - orders keep their discounts (for reports) and who held them (挂单) and when.
 * A store that already has products keeps them as version 1 ("migrated"): nothing is re-seeded.
 */
export const m009: Migration = {
  version: 9,
  name: 'selling',
  up: `
    ALTER TABLE products ADD COLUMN category TEXT NOT NULL DEFAULT '';
    ALTER TABLE products ADD COLUMN plu TEXT;
    ALTER TABLE products ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
    ALTER TABLE products ADD COLUMN search_initials TEXT NOT NULL DEFAULT '';
    ALTER TABLE products ADD COLUMN search_full TEXT NOT NULL DEFAULT '';
    ALTER TABLE products ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE products ADD COLUMN updated_at TEXT;
    CREATE UNIQUE INDEX products_by_plu ON products(plu) WHERE plu IS NOT NULL;

    CREATE TABLE catalogue_versions (
      version INTEGER PRIMARY KEY,
      source TEXT NOT NULL,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      added INTEGER NOT NULL DEFAULT 0,
      changed INTEGER NOT NULL DEFAULT 0,
      unchanged INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO catalogue_versions (version, source, at, actor, added)
      SELECT 1, 'migrated', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system', COUNT(*)
      FROM products HAVING COUNT(*) > 0;
    UPDATE products SET version = 1;

    ALTER TABLE order_lines ADD COLUMN kind TEXT NOT NULL DEFAULT 'item'
      CHECK (kind IN ('item', 'weighed', 'open'));
    ALTER TABLE order_lines ADD COLUMN unit TEXT NOT NULL DEFAULT '';
    ALTER TABLE order_lines ADD COLUMN weight_g INTEGER CHECK (weight_g IS NULL OR weight_g > 0);
    ALTER TABLE order_lines ADD COLUMN weight_derived INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE order_lines ADD COLUMN fixed_fen INTEGER CHECK (fixed_fen IS NULL OR fixed_fen >= 0);
    ALTER TABLE order_lines ADD COLUMN discount_kind TEXT CHECK (discount_kind IN ('amount', 'percent'));
    ALTER TABLE order_lines ADD COLUMN discount_value INTEGER;
    ALTER TABLE order_lines ADD COLUMN discount_fen INTEGER NOT NULL DEFAULT 0 CHECK (discount_fen >= 0);

    ALTER TABLE orders ADD COLUMN subtotal_fen INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE orders ADD COLUMN order_discount_kind TEXT CHECK (order_discount_kind IN ('amount', 'percent'));
    ALTER TABLE orders ADD COLUMN order_discount_value INTEGER;
    ALTER TABLE orders ADD COLUMN order_discount_fen INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE orders ADD COLUMN discount_fen INTEGER NOT NULL DEFAULT 0 CHECK (discount_fen >= 0);
    ALTER TABLE orders ADD COLUMN held_by TEXT;
    ALTER TABLE orders ADD COLUMN held_at TEXT;
    UPDATE orders SET subtotal_fen = total_fen;

    -- 挂单 is only for a sale nobody is paying: OPEN, and no payment that took or may take money.
    CREATE TRIGGER orders_hold_guard BEFORE UPDATE OF status ON orders
    WHEN NEW.status = 'HELD' AND OLD.status != 'HELD' AND (
      OLD.status != 'OPEN' OR EXISTS (
        SELECT 1 FROM payments WHERE order_id = NEW.id AND state NOT IN ('FAILED', 'REVERSED')))
    BEGIN
      SELECT RAISE(ABORT, 'only an open sale without payments can be held');
    END;
    -- A held sale comes back only to the till (OPEN); it is never paid or parked while held.
    CREATE TRIGGER orders_recall_guard BEFORE UPDATE OF status ON orders
    WHEN OLD.status = 'HELD' AND NEW.status NOT IN ('HELD', 'OPEN', 'VOID')
    BEGIN
      SELECT RAISE(ABORT, 'a held sale must be recalled first');
    END;
  `,
};
