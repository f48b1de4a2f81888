import { z } from 'zod';
import { PrintJobSchema } from '../domain';
import { none, orderRef } from './common';

/** What the till last learnt about its printer (header, technician), and when. */
export const PrinterHealthSchema = z.object({
  /**
   * ready: DLE EOT says online, cover closed, paper present. not-ready: it answers but cannot
   * print (reasonCode says why). unreachable: no answer or no connection. write-only: a link
   * that cannot report status (file:). none: no printer configured. unknown: not asked yet.
   */
  state: z.enum(['ready', 'not-ready', 'unreachable', 'write-only', 'none', 'unknown']),
  reasonCode: z.string().nullable(),
  reasonText: z.string().nullable(),
  paperNearEnd: z.boolean(),
  checkedAt: z.string().nullable(),
});
export type PrinterHealth = z.infer<typeof PrinterHealthSchema>;

export const PrintSummarySchema = z.object({
  printer: PrinterHealthSchema,
  /** Receipts (originals and reprints) still owed: QUEUED, SENDING or WAITING. */
  waiting: z.number().int(),
  /** Jobs that may have printed (FAILED, INTERRUPTED): someone must look and decide. */
  toDecide: z.number().int(),
});
export type PrintSummary = z.infer<typeof PrintSummarySchema>;

export const DrawerReasonSchema = z.enum(['sale', 'no-sale', 'test', 'retry']);
export type DrawerReason = z.infer<typeof DrawerReasonSchema>;

/** One cash drawer opening: its own command, never part of a receipt (audited as drawer.open). */
export const DrawerResultSchema = z.object({
  ok: z.boolean(),
  reason: DrawerReasonSchema,
  orderId: z.string().nullable(),
  /** ESC p (printer ready, confirmed by GS r 2) or DLE DC4 (real-time: printer stopped). */
  command: z.enum(['ESC p', 'DLE DC4']).nullable(),
  hex: z.string().nullable(),
  errorCode: z.string().nullable(),
  /** Why it did not open, for the cashier (Chinese), shown under 钱箱未能打开. */
  errorText: z.string().nullable(),
  at: z.string(),
});
export type DrawerResult = z.infer<typeof DrawerResultSchema>;

export const ReprintResultSchema = z.object({
  job: PrintJobSchema,
  original: PrintJobSchema.nullable(),
  /** The original is still owed: it prints first, then this copy — both will print. */
  originalPending: z.boolean(),
});
export type ReprintResult = z.infer<typeof ReprintResultSchema>;

export const TestResultSchema = z.object({
  job: PrintJobSchema.nullable(),
  drawer: DrawerResultSchema.nullable(),
});
export type TestResult = z.infer<typeof TestResultSchema>;

/** The print queue (header, technician) and the cash drawer. */
export const printContract = {
  /** Header: the printer's state and how many receipts are owed. */
  'print.summary': { input: none, output: PrintSummarySchema },
  /** Technician / supervisor: every unfinished job, then the latest finished ones. */
  'print.queue': {
    input: none,
    output: z.object({ jobs: z.array(PrintJobSchema), summary: PrintSummarySchema }),
  },
  /** Technician / supervisor: withdraw a job that has not printed, with a reason. */
  'print.cancel': {
    input: z
      .object({ jobId: z.string().min(1).max(64), reason: z.string().trim().min(2).max(80) })
      .strict(),
    output: PrintJobSchema,
  },
  /** Supervisor: open the drawer without a sale (audited as no-sale). */
  'drawer.open': {
    input: z.object({ note: z.string().trim().max(80).optional() }).strict(),
    output: DrawerResultSchema,
  },
  /** Cashier: open again a drawer that failed to open for this order's cash payment. */
  'drawer.retry': { input: orderRef, output: DrawerResultSchema },
  /** The latest drawer opening for an order in this run, if any. */
  'drawer.result': { input: orderRef, output: DrawerResultSchema.nullable() },
} as const;
