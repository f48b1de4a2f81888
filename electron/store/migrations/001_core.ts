import type { Migration } from './types';

/** Orders, their lines, payments with a transition log, print jobs, receipts and the audit log. */
export const m001: Migration = {
  version: 1,
  name: 'core',
  up: `
    CREATE TABLE orders (
      id TEXT PRIMARY KEY,
      status TEXT NOT NULL CHECK (status IN ('OPEN','PAYING','PAID','VOID')),
      cashier TEXT NOT NULL,
      total_fen INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      paid_at TEXT
    );
    CREATE TABLE order_lines (
      order_id TEXT NOT NULL REFERENCES orders(id),
      line_no INTEGER NOT NULL,
      barcode TEXT NOT NULL,
      name TEXT NOT NULL,
      qty INTEGER NOT NULL CHECK (qty > 0),
      unit_price_fen INTEGER NOT NULL,
      PRIMARY KEY (order_id, line_no)
    );
    CREATE TABLE payments (
      id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL REFERENCES orders(id),
      method TEXT NOT NULL CHECK (method IN ('WECHAT','ALIPAY','CASH')),
      merchant_order_no TEXT NOT NULL UNIQUE,
      platform_order_no TEXT,
      third_party_order_no TEXT,
      amount_fen INTEGER NOT NULL,
      received_fen INTEGER,
      change_fen INTEGER,
      auth_code_masked TEXT,
      state TEXT NOT NULL,
      reason_code TEXT,
      reason_text TEXT,
      deadline_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE payment_transitions (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      payment_id TEXT NOT NULL REFERENCES payments(id),
      from_state TEXT,
      to_state TEXT NOT NULL,
      at TEXT NOT NULL,
      detail TEXT
    );
    CREATE TABLE receipts (
      order_id TEXT PRIMARY KEY REFERENCES orders(id),
      text TEXT NOT NULL,
      txt_path TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE TABLE print_jobs (
      id TEXT PRIMARY KEY,
      order_id TEXT REFERENCES orders(id),
      kind TEXT NOT NULL,
      printer TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('QUEUED','SENDING','PRINTED','FAILED')),
      bytes BLOB NOT NULL,
      reason_code TEXT,
      reason_text TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      subject TEXT,
      detail TEXT
    );
  `,
};
