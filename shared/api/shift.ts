import { z } from 'zod';
import { PaymentMethodSchema, PrintJobSchema } from '../domain';
import { none } from './common';

/** A shift's life (交接班): one transition table, enforced in code and by the store. */
export const SHIFT_STATES = ['OPEN', 'CLOSING', 'CLOSED'] as const;
export const ShiftStateSchema = z.enum(SHIFT_STATES);
export type ShiftState = z.infer<typeof ShiftStateSchema>;

const fen = z.number().int();
const cashFen = z.number().int().min(0).max(100_000_000);

export const ShiftSchema = z.object({
  shiftId: z.string(),
  tillNo: z.string(),
  state: ShiftStateSchema,
  openedBy: z.string(),
  openedByName: z.string(),
  openedAt: z.string(),
  floatFen: fen,
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  countedFen: fen.nullable(),
  expectedFen: fen.nullable(),
  /** 长短款: counted less expected (negative = short). */
  differenceFen: fen.nullable(),
  carriedOver: z.boolean(),
});
export type Shift = z.infer<typeof ShiftSchema>;

/** A payment or parked sale that is not finished, listed one by one on every report. */
export const OpenItemSchema = z.object({
  orderId: z.string(),
  paymentId: z.string().nullable(),
  merchantOrderNo: z.string().nullable(),
  method: PaymentMethodSchema.nullable(),
  amountFen: fen,
  /** The payment's state (PENDING, NEEDS_MANUAL…) or PARKED for a parked sale. */
  state: z.string(),
  createdAt: z.string(),
});
export type OpenItem = z.infer<typeof OpenItemSchema>;

export const MethodFiguresSchema = z.object({
  method: PaymentMethodSchema,
  salesCount: z.number().int(),
  salesFen: fen,
  refundCount: z.number().int(),
  refundFen: fen,
  netFen: fen,
});
export type MethodFigures = z.infer<typeof MethodFiguresSchema>;

/** The whole store's day from the store database (issue 12), beside this till's own figures. */
export const StoreDaySchema = z.object({
  /** offline: the store database did not answer; the report then covers this till only. */
  state: z.enum(['ok', 'offline']),
  tills: z.array(
    z.object({
      tillId: z.string(),
      orders: z.number().int(),
      salesFen: fen,
      byMethod: z.record(z.string(), fen),
      refundedFen: fen,
    }),
  ),
  /** Tills that have not pushed for 5 minutes: their figures may be short. */
  lagging: z.array(z.string()),
});
export type StoreDay = z.infer<typeof StoreDaySchema>;

export const FiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  byMethod: z.array(MethodFiguresSchema),
  totals: MethodFiguresSchema.omit({ method: true }),
  /** Payments reversed (撤销) in the period. */
  voids: z.object({ count: z.number().int(), fen }),
  /** Refunds asked for but not yet confirmed by the acquirer (not in the figures above). */
  pendingRefunds: z.object({ count: z.number().int(), fen }),
  /** Drawer openings without a sale (no-sale, technician's test). */
  noSaleDrawer: z.number().int(),
  floatFen: fen.nullable(),
  /** Float + cash taken − cash handed back. */
  cashExpectedFen: fen.nullable(),
  countedFen: fen.nullable(),
  differenceFen: fen.nullable(),
  unresolved: z.array(OpenItemSchema),
  /** Day report: every shift of the day with its count. */
  shifts: z.array(ShiftSchema),
  /** The audit chain's head when the report was made, printed so paper anchors the trail. */
  auditHead: z.object({ id: z.number().int(), hash: z.string() }).nullable(),
  /** Day report of a till linked to a store database: every till's takings that day. */
  store: StoreDaySchema.optional(),
});
export type Figures = z.infer<typeof FiguresSchema>;

export const ReportKindSchema = z.enum(['X', 'Z', 'DAY']);
export const ReportSchema = z.object({
  reportId: z.string(),
  kind: ReportKindSchema,
  shiftId: z.string().nullable(),
  /** China date the report is about (Z, X: the shift's opening day). */
  day: z.string(),
  /** A reprint names the report it copies, and says 副本 / COPY on paper. */
  copyOf: z.string().nullable(),
  text: z.string(),
  txtPath: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  figures: FiguresSchema,
  printJob: PrintJobSchema.nullable(),
});
export type Report = z.infer<typeof ReportSchema>;

export const shiftContract = {
  'shift.current': { input: none, output: z.object({ shift: ShiftSchema.nullable() }) },
  /** Opens the till's shift with the cash float (备用金) put in the drawer. */
  'shift.open': { input: z.object({ floatFen: cashFen }).strict(), output: ShiftSchema },
  /** Counting starts: no new payment until the shift closes or the count is cancelled. */
  'shift.beginClose': { input: none, output: ShiftSchema },
  'shift.cancelClose': { input: none, output: ShiftSchema },
  /**
   * Z: counted cash in, difference (长短款) out, printed. Refused while a payment is unresolved
   * unless `carryOver` (a supervisor's approval) — the Z then lists what was carried over.
   */
  'shift.close': {
    input: z.object({ countedFen: cashFen, carryOver: z.boolean().optional() }).strict(),
    output: ReportSchema,
  },
  /** X: the shift so far, printed; the shift stays open. */
  'report.x': { input: none, output: ReportSchema },
  'report.day': {
    input: z
      .object({
        day: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
      })
      .strict(),
    output: ReportSchema,
  },
  'report.list': {
    input: z.object({ limit: z.number().int().min(1).max(100).optional() }).strict(),
    output: z.object({ reports: z.array(ReportSchema.omit({ text: true, figures: true })) }),
  },
  'report.get': {
    input: z.object({ reportId: z.string().min(1).max(64) }).strict(),
    output: ReportSchema,
  },
  'report.reprint': {
    input: z.object({ reportId: z.string().min(1).max(64) }).strict(),
    output: ReportSchema,
  },
} as const;
