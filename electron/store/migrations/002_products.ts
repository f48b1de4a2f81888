import type { Migration } from './types';

/** The catalogue lives in the store so a scan is one indexed lookup, not a file read. */
export const m002: Migration = {
  version: 2,
  name: 'products',
  up: `
    CREATE TABLE products (
      barcode TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
      unit TEXT NOT NULL DEFAULT ''
    );
  `,
};
