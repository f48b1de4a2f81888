import { pg001 } from './001_store';
import { pg002 } from './002_shared_products';
import type { PgMigration } from './types';

export type { PgMigration } from './types';
export const PG_MIGRATIONS: readonly PgMigration[] = [pg001, pg002];
