import { PrinterError } from '../errors';

export const usbPermissionHint = (vid: string): string =>
  `Linux: add a udev rule, e.g. /etc/udev/rules.d/60-till-printer.rules with ` +
  `SUBSYSTEM=="usb", ATTR{idVendor}=="${vid}", MODE="0666", then replug the printer. ` +
  `Windows: the printer is bound to the spooler's USB print driver; install WinUSB for it with ` +
  `Zadig (the Windows print queue then stops working), or use the spooler/COM port instead.`;

export const USBLP_HINT =
  'Linux: the usblp kernel driver (or another program, e.g. CUPS) holds the printer. Either ' +
  'print through the device file it provides (TILL_PRINTER=file:/dev/usb/lp0), or unbind ' +
  'usblp (echo the interface into /sys/bus/usb/drivers/usblp/unbind, or blacklist usblp).';

/**
 * Errors from usb@3 (nusb: "Permission denied (os error 13)", "Device or resource busy
 * (os error 16)", "No such device (os error 19)") and libusb-style text ("Access denied",
 * "Resource busy", "LIBUSB_ERROR_NOT_SUPPORTED" on Windows) mapped to codes with a fix.
 */
export function usbError(err: unknown, what: string, vid: string, opened: boolean): PrinterError {
  const e = err instanceof Error ? err : new Error(String(err));
  const msg = `${what}: ${e.message}`;
  const t = e.message;
  if (/permission|access denied|EACCES|os error 13|NOT_SUPPORTED|not supported/i.test(t)) {
    return new PrinterError('PERMISSION_DENIED', msg, { cause: e, hint: usbPermissionHint(vid) });
  }
  if (/busy|claimed|os error 16/i.test(t)) {
    return new PrinterError('BUSY', msg, { cause: e, hint: USBLP_HINT });
  }
  if (/no such device|disconnected|not found|os error 19|ENODEV|NO_DEVICE/i.test(t)) {
    return opened
      ? new PrinterError('DISCONNECTED', msg, {
          cause: e,
          hint: 'The printer was unplugged or switched off during the job.',
        })
      : new PrinterError('NOT_FOUND', msg, { cause: e });
  }
  if (/timed? ?out/i.test(t)) return new PrinterError('TIMEOUT', msg, { cause: e });
  return new PrinterError('IO', msg, { cause: e });
}
