import { m001 } from './001_core';
import { m002 } from './002_products';
import { m003 } from './003_indexes';
import { m004 } from './004_reconcile_refunds';
import { m005 } from './005_order_states';
import { m011 } from './011_outbox';
import type { Migration } from './types';

export type { Migration } from './types';
export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m011];
