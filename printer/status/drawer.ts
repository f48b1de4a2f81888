import { PrinterError } from '../errors';
import { drawerKick, drawerPulseNow, DRAWER_STATUS_REQUEST } from '../escpos/commands';
import type { Transport } from '../transport/types';
import { isGsrReply } from './parse';
import { drain, queryStatus, readReply } from './query';

export interface DrawerOpened {
  /** ESC p when the printer was ready (confirmed by GS r 2, in buffer order); DLE DC4 1 when
   * it was stopped (paper end, cover open): real-time, so the drawer opens anyway. */
  command: 'ESC p' | 'DLE DC4';
  bytes: Uint8Array;
  /** false only on a write-only link: the bytes went out, nobody can say more. */
  confirmed: boolean;
}

/**
 * Opens the cash drawer, which hangs off the printer, on its own: never part of a receipt.
 * A ready printer gets ESC p and confirms it with GS r 2; a stopped one (out of paper, cover
 * open) would hold ESC p in its buffer, so it gets the real-time pulse DLE DC4 1 instead, which
 * printers run on receipt even while offline (Epson TM-T88/RP-U420, Citizen CBM1000 manuals).
 * A printer in an unrecoverable error ignores both: that is PRINTER_ERROR.
 */
export async function openDrawer(
  t: Transport,
  opts: { pin?: 2 | 5; timeoutMs?: number } = {},
): Promise<DrawerOpened> {
  const pin = opts.pin ?? 2;
  const timeoutMs = opts.timeoutMs ?? 1500;
  const kick = Uint8Array.from(drawerKick(pin));
  if (t.canRead === false) {
    await t.write(kick);
    return { command: 'ESC p', bytes: kick, confirmed: false };
  }
  const s = await queryStatus(t, timeoutMs, { recover: false });
  if (s.unrecoverableError) {
    throw new PrinterError('PRINTER_ERROR', 'printer reports an unrecoverable error');
  }
  if (s.online) {
    await drain(t);
    await t.write(Uint8Array.from([...kick, ...DRAWER_STATUS_REQUEST]));
    await readReply(t, isGsrReply, Date.now() + timeoutMs);
    return { command: 'ESC p', bytes: kick, confirmed: true };
  }
  const pulse = Uint8Array.from(drawerPulseNow(pin));
  await t.write(pulse);
  // Real-time commands run in arrival order: an answer to DLE EOT after it means it got there.
  await queryStatus(t, timeoutMs, { recover: false });
  return { command: 'DLE DC4', bytes: pulse, confirmed: true };
}
