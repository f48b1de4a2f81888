import type { Migration } from './types';

/**
 * Start-up looks for the open sale and for unfinished payments; with years of orders in the
 * store those lookups must not scan the tables.
 */
export const m003: Migration = {
  version: 3,
  name: 'indexes',
  up: `
    CREATE INDEX orders_by_status ON orders(status, created_at);
    CREATE INDEX payments_by_order ON payments(order_id);
    CREATE INDEX payments_by_state ON payments(state);
    CREATE INDEX transitions_by_payment ON payment_transitions(payment_id);
    CREATE INDEX print_jobs_by_order ON print_jobs(order_id);
    CREATE INDEX print_jobs_by_state ON print_jobs(state);
  `,
};
