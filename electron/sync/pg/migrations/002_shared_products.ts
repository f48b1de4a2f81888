import type { PgMigration } from './types';

/**
 * Shared data edited centrally and pulled by every till: the catalogue with its prices.
 * Every write takes one store-wide lock before it draws its version number, so versions are
 * committed in order and a till that pulled up to version N has seen every change ≤ N.
 * Rows are never deleted (a till would not learn of it): `deleted = true` retires a product.
 */
export const pg002: PgMigration = {
  version: 2,
  name: 'shared-products',
  up: `
    CREATE SEQUENCE shared_version;

    CREATE FUNCTION shared_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'rows of % are never deleted: set deleted = true', TG_TABLE_NAME;
      END IF;
      PERFORM pg_advisory_xact_lock(hashtext('till.shared_version'));
      NEW.version := nextval('shared_version');
      NEW.updated_at := now();
      RETURN NEW;
    END $$;

    CREATE TABLE shared_products (
      barcode text PRIMARY KEY CHECK (barcode ~ '^[0-9]{6,14}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
      price_fen integer NOT NULL CHECK (price_fen >= 0),
      unit text NOT NULL DEFAULT '',
      deleted boolean NOT NULL DEFAULT false,
      version bigint NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX shared_products_by_version ON shared_products (version);
    CREATE TRIGGER shared_products_stamp BEFORE INSERT OR UPDATE OR DELETE ON shared_products
      FOR EACH ROW EXECUTE FUNCTION shared_stamp();

    ALTER TABLE shared_products ENABLE ROW LEVEL SECURITY;
    DO $do$
    DECLARE g text := current_database() || '_tills';
    BEGIN
      EXECUTE format('GRANT SELECT ON shared_products TO %I', g);
      EXECUTE format('GRANT SELECT ON SEQUENCE shared_version TO %I', g);
      EXECUTE format($p$CREATE POLICY products_read ON shared_products FOR SELECT TO %I USING (true)$p$, g);
    END
    $do$;
  `,
};
