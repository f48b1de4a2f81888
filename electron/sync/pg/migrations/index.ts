import { pg001 } from './001_store';
import { pg002 } from './002_shared_products';
import { pg003 } from './003_shared_catalogue';
import { pg004 } from './004_order_search';
import { pg005 } from './005_shared_users';
import type { PgMigration } from './types';

export type { PgMigration } from './types';
export const PG_MIGRATIONS: readonly PgMigration[] = [pg001, pg002, pg003, pg004, pg005];
