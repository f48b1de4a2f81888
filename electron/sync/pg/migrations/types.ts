export interface PgMigration {
  version: number;
  name: string;
  /** Plain SQL, run inside one transaction together with its row in store_db_migrations. */
  up: string;
}
