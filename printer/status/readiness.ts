import type { PrinterErrorCode } from '../errors';
import type { PrinterStatus } from './parse';

/** Why a printer cannot take a job now, in the order a technician would fix it. */
export type NotReadyCode = Extract<
  PrinterErrorCode,
  'COVER_OPEN' | 'PAPER_END' | 'PRINTER_ERROR' | 'OFFLINE'
>;

/**
 * A printer is ready when DLE EOT says: online, cover closed, paper present, no cutter or
 * unrecoverable error (escpos.md §2.2). Paper near end still prints.
 */
export function notReady(s: PrinterStatus): NotReadyCode | null {
  if (s.coverOpen) return 'COVER_OPEN';
  if (s.paperEnd) return 'PAPER_END';
  if (s.unrecoverableError || s.cutterError) return 'PRINTER_ERROR';
  if (!s.online) return 'OFFLINE';
  return null;
}
