import { m001 } from './001_core';
import { m002 } from './002_products';
import { m003 } from './003_indexes';
import { m004 } from './004_reconcile_refunds';
import { m005 } from './005_order_states';
import { m006 } from './006_recovery';
import { m007 } from './007_print_jobs';
import { m008 } from './008_access';
import { m009 } from './009_selling';
import { m010 } from './010_outbox';
import { m011 } from './011_outbox_print_outcomes';
import { m012 } from './012_outbox_recovery_access';
import type { Migration } from './types';

export type { Migration } from './types';
export const MIGRATIONS: readonly Migration[] = [
  m001,
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m008,
  m009,
  m010,
  m011,
  m012,
];
