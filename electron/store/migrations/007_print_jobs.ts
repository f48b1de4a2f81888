import type { Migration } from './types';

/**
 * Print jobs get the states of shared/printing.ts and one owner each:
 * - WAITING, INTERRUPTED and CANCELLED join the CHECK (a rebuild: SQLite cannot alter a CHECK).
 *   Old FAILED rows move to what they meant: reason INTERRUPTED → INTERRUPTED; a failure after
 *   which nothing was sent (paper end, cover open, offline, refused…) → WAITING.
 * - A lease (lease_owner, lease_until): a job in the queue (QUEUED, SENDING, WAITING) always has
 *   an owner, a finished one never (CHECK). Rows carried over get an owner that is long dead, so
 *   the next start adopts them (SENDING ones become INTERRUPTED).
 * - queued_at orders the queue: a job sent again by a person goes to the back.
 * - print_transitions holds the allowed moves; a trigger refuses any other, and any insert that
 *   is not QUEUED. Tests compare it with PRINT_TRANSITIONS in code.
 * - One original receipt per order (partial unique index): a restart can never issue a second
 *   one. Extra originals an older version may have made are kept, relabelled receipt-extra.
 */
export const m007: Migration = {
  version: 7,
  name: 'print-jobs-lease',
  rebuildsTables: true,
  up: `
    CREATE TABLE print_jobs_v7 (
      id TEXT PRIMARY KEY,
      order_id TEXT REFERENCES orders(id),
      kind TEXT NOT NULL,
      printer TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN
        ('QUEUED','SENDING','PRINTED','WAITING','FAILED','INTERRUPTED','CANCELLED')),
      bytes BLOB NOT NULL,
      reason_code TEXT,
      reason_text TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      lease_owner TEXT,
      lease_until TEXT,
      queued_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((state IN ('QUEUED','SENDING','WAITING')) = (lease_owner IS NOT NULL AND lease_until IS NOT NULL))
    );
    INSERT INTO print_jobs_v7 (id, order_id, kind, printer, state, bytes, reason_code, reason_text,
        attempts, lease_owner, lease_until, queued_at, created_at, updated_at)
      SELECT id, order_id, kind, printer,
        CASE
          WHEN state = 'FAILED' AND reason_code = 'INTERRUPTED' THEN 'INTERRUPTED'
          WHEN state = 'FAILED' AND reason_code IN
            ('PAPER_END','COVER_OPEN','OFFLINE','CONNECTION_REFUSED','NOT_FOUND','BUSY') THEN 'WAITING'
          ELSE state END,
        bytes, reason_code, reason_text, attempts,
        CASE WHEN state IN ('QUEUED','SENDING')
          OR (state = 'FAILED' AND reason_code IN
            ('PAPER_END','COVER_OPEN','OFFLINE','CONNECTION_REFUSED','NOT_FOUND','BUSY'))
          THEN 'migration-007' END,
        CASE WHEN state IN ('QUEUED','SENDING')
          OR (state = 'FAILED' AND reason_code IN
            ('PAPER_END','COVER_OPEN','OFFLINE','CONNECTION_REFUSED','NOT_FOUND','BUSY'))
          THEN '1970-01-01T00:00:00.000Z' END,
        created_at, created_at, updated_at
      FROM print_jobs;
    UPDATE print_jobs_v7 SET kind = 'receipt-extra'
      WHERE kind = 'receipt' AND order_id IS NOT NULL AND rowid NOT IN
        (SELECT MIN(rowid) FROM print_jobs_v7 WHERE kind = 'receipt' AND order_id IS NOT NULL
         GROUP BY order_id);
    DROP TABLE print_jobs;
    ALTER TABLE print_jobs_v7 RENAME TO print_jobs;
    CREATE INDEX print_jobs_by_order ON print_jobs(order_id);
    CREATE INDEX print_jobs_by_state ON print_jobs(state, queued_at);
    CREATE UNIQUE INDEX print_jobs_one_original ON print_jobs(order_id) WHERE kind = 'receipt';

    CREATE TABLE print_transitions (
      from_state TEXT NOT NULL,
      to_state TEXT NOT NULL,
      PRIMARY KEY (from_state, to_state)
    ) WITHOUT ROWID;
    INSERT INTO print_transitions (from_state, to_state) VALUES
      ('QUEUED','SENDING'), ('QUEUED','WAITING'), ('QUEUED','CANCELLED'),
      ('WAITING','SENDING'), ('WAITING','CANCELLED'),
      ('SENDING','PRINTED'), ('SENDING','FAILED'), ('SENDING','INTERRUPTED'),
      ('FAILED','QUEUED'), ('FAILED','CANCELLED'),
      ('INTERRUPTED','QUEUED'), ('INTERRUPTED','CANCELLED');
    CREATE TRIGGER print_jobs_move BEFORE UPDATE OF state ON print_jobs
      WHEN OLD.state <> NEW.state AND NOT EXISTS
        (SELECT 1 FROM print_transitions WHERE from_state = OLD.state AND to_state = NEW.state)
      BEGIN SELECT RAISE(ABORT, 'print job: state transition not allowed'); END;
    CREATE TRIGGER print_jobs_start BEFORE INSERT ON print_jobs
      WHEN NEW.state <> 'QUEUED'
      BEGIN SELECT RAISE(ABORT, 'print job: a new job starts QUEUED'); END;
  `,
};
