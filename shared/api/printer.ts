import { z } from 'zod';
import {
  ChineseFontSchema,
  LastJobSchema,
  PrinterInfoSchema,
  PrinterListSchema,
  PrinterStatusViewSchema,
} from '../domain';
import { none } from './common';
import { TestResultSchema } from './print';

/** The technician's printer tools. */
export const printerContract = {
  'printer.info': { input: none, output: PrinterInfoSchema },
  'printer.list': { input: none, output: PrinterListSchema },
  'printer.status': { input: none, output: PrinterStatusViewSchema },
  'printer.test': {
    input: z
      .object({ drawer: z.boolean().optional(), drawerOnly: z.boolean().optional() })
      .strict(),
    /** A test page is a print job; drawerOnly opens the drawer on its own (audited as test). */
    output: TestResultSchema,
  },
  'printer.lastJob': { input: none, output: LastJobSchema },
  /** Technician: pick a printer (a TILL_PRINTER URI) and paper profile; saved to settings.json. */
  'printer.configure': {
    input: z
      .object({
        uri: z.string().trim().min(1).max(200),
        profile: z.enum(['58mm', '80mm-180dpi', '80mm']).optional(),
        font: ChineseFontSchema.optional(),
      })
      .strict(),
    output: PrinterInfoSchema,
  },
  'printer.report': { input: none, output: z.object({ text: z.string() }) },
} as const;
