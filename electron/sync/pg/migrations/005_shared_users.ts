import type { PgMigration } from './types';

/**
 * The store's staff, edited centrally (`npm run store-db -- user …`) and pulled by every till
 * into its own users table. Versioned by the same store-wide lock and sequence as the shared
 * catalogue (migration 002's `shared_stamp`), so one version number orders both and a till that
 * pulled up to N has seen every change ≤ N. `pin_hash` is the till's own scrypt format
 * (electron/auth/pin.ts): a PIN is hashed by the CLI and never stored or sent in clear.
 * Tills read this table (they check PINs locally, offline too); only the owner writes it.
 * `deleted` keeps the shared tables' one rule (never DELETE a row a till must learn about).
 */
export const pg005: PgMigration = {
  version: 5,
  name: 'shared-users',
  up: `
    CREATE TABLE shared_users (
      user_id text PRIMARY KEY CHECK (user_id ~ '^[0-9]{3,8}$'),
      name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 20 AND name !~ '[[:cntrl:]]'),
      role text NOT NULL CHECK (role IN ('cashier', 'supervisor', 'technician')),
      pin_hash text NOT NULL CHECK (pin_hash ~ '^scrypt\\$[0-9]+\\$[0-9]+\\$[0-9]+\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+$'),
      active boolean NOT NULL DEFAULT true,
      deleted boolean NOT NULL DEFAULT false,
      version bigint NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX shared_users_by_version ON shared_users (version);
    CREATE TRIGGER shared_users_stamp BEFORE INSERT OR UPDATE OR DELETE ON shared_users
      FOR EACH ROW EXECUTE FUNCTION shared_stamp();

    ALTER TABLE shared_users ENABLE ROW LEVEL SECURITY;
    DO $do$
    DECLARE g text := current_database() || '_tills';
    BEGIN
      EXECUTE format('GRANT SELECT ON shared_users TO %I', g);
      -- Read only: no INSERT/UPDATE grant and no write policy for tills.
      EXECUTE format($p$CREATE POLICY users_read ON shared_users FOR SELECT TO %I USING (true)$p$, g);
    END
    $do$;
  `,
};
