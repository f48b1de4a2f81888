import { z } from 'zod';
import type { Sale } from '../../shared/domain';
import { TillError } from '../../shared/errors';

/** Limits a cashier sells within; above the approval limits a supervisor approves (主管授权). */
export const LimitsSchema = z
  .object({
    /** Most pieces on one line (a scan adding to a line is held to it too). */
    lineQty: z.number().int().min(1).max(9999).default(999),
    saleLines: z.number().int().min(1).max(500).default(200),
    /** Most one sale may come to, in fen. */
    saleFen: z.number().int().min(100).max(100_000_000).default(10_000_000),
    /** Open-price goods (无码商品) above this need a supervisor. */
    openPriceFen: z.number().int().min(0).max(100_000_000).default(20_000),
    /** Discounts above this per cent, or this many fen, need a supervisor. */
    discountPct: z.number().int().min(0).max(100).default(10),
    discountFen: z.number().int().min(0).max(100_000_000).default(2_000),
    heldSales: z.number().int().min(1).max(100).default(20),
  })
  .strict();
export type Limits = z.infer<typeof LimitsSchema>;
export const DEFAULT_LIMITS: Limits = LimitsSchema.parse({});

/**
 * Room on the sale for `addFen` more and, for a new line, one more line. Checked on every
 * change (scan, typed quantity, open price), so repeated scans cannot walk past a limit.
 */
export function checkRoom(sale: Sale, limits: Limits, addFen: number, newLine: boolean): void {
  if (newLine && sale.lines.length >= limits.saleLines) {
    throw new TillError('SALE_LIMIT', 'barcode', `${limits.saleLines} lines`);
  }
  if (sale.totalFen + addFen > limits.saleFen) {
    throw new TillError('SALE_LIMIT', 'barcode', `over ${limits.saleFen} fen`);
  }
}

export function checkQty(qty: number, limits: Limits): void {
  if (qty > limits.lineQty) throw new TillError('QTY_LIMIT', 'qty', `at most ${limits.lineQty}`);
}
