import type { Migration } from './types';

const ENABLED = `EXISTS (SELECT 1 FROM sync_state WHERE key = 'outbox.enabled')`;
const NOW_MS = `CAST(unixepoch('subsec') * 1000 AS INTEGER)`;
const OUTCOMES = `('PRINTED','FAILED','INTERRUPTED','CANCELLED')`;

/**
 * Print jobs reach the store database in every state a turn can end in. Migration 010 sent
 * PRINTED, FAILED and CANCELLED; INTERRUPTED (issue 8: found SENDING after a crash, it may have
 * printed) is the same kind of outcome as FAILED — a person decides — so it goes too. The
 * queue's own states (QUEUED, SENDING, WAITING) stay on the till. A till that already syncs
 * enqueues its INTERRUPTED jobs here, in the same transaction, so none is left behind.
 */
export const m011: Migration = {
  version: 11,
  name: 'outbox-print-outcomes',
  up: `
    DROP TRIGGER outbox_print_jobs_insert;
    DROP TRIGGER outbox_print_jobs_update;
    CREATE TRIGGER outbox_print_jobs_insert AFTER INSERT ON print_jobs
      WHEN ${ENABLED} AND NEW.state IN ${OUTCOMES}
      BEGIN
        INSERT INTO sync_outbox (tbl, row_key, at_ms) VALUES ('print_jobs', CAST(NEW.id AS TEXT), ${NOW_MS});
      END;
    CREATE TRIGGER outbox_print_jobs_update AFTER UPDATE ON print_jobs
      WHEN ${ENABLED} AND NEW.state IN ${OUTCOMES}
      BEGIN
        INSERT INTO sync_outbox (tbl, row_key, at_ms) VALUES ('print_jobs', CAST(NEW.id AS TEXT), ${NOW_MS});
      END;
    INSERT INTO sync_outbox (tbl, row_key, at_ms)
      SELECT 'print_jobs', CAST(id AS TEXT), ${NOW_MS} FROM print_jobs
      WHERE state = 'INTERRUPTED' AND ${ENABLED};
  `,
};
