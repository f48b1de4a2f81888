import { PrinterError } from '../errors';

export const DIALOUT_HINT =
  'Linux: add the user to the dialout group (sudo usermod -aG dialout $USER, then log in again) ' +
  'or add a udev rule giving the port MODE="0666". Windows: the COM port is in use by another ' +
  'program or driver; close it.';

/**
 * serialport's bindings report failures as plain Errors whose text carries the OS reason
 * (bindings-cpp: "Error: Permission denied, cannot open /dev/ttyS0", "Cannot lock port";
 * Windows: "Opening COM3: Access denied"; binding-mock: "Port does not exist", "Port is
 * locked"), so the cause is read from the message as well as from errno codes.
 */
export function serialOpenError(err: unknown, path: string): PrinterError {
  const e = err instanceof Error ? err : new Error(String(err));
  const text = `${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}`;
  const at = `open serial port ${path}: ${e.message}`;
  if (/ENOENT|No such file|does not exist|File not found|cannot find/i.test(text)) {
    return new PrinterError('NOT_FOUND', at, {
      cause: e,
      hint: 'Check the port name (listSerialPorts / `printer list`) and the cable.',
    });
  }
  if (/EACCES|Permission denied|Access denied/i.test(text)) {
    const win = /^COM\d+/i.test(path) || /Access denied/i.test(text);
    return new PrinterError('PERMISSION_DENIED', at, {
      cause: e,
      hint: win ? 'COM port in use: close the other program (or driver) holding it.' : DIALOUT_HINT,
    });
  }
  if (/lock|EBUSY|busy|in use/i.test(text)) {
    return new PrinterError('BUSY', at, {
      cause: e,
      hint: 'Another program holds the port (a second till instance, a modem manager, screen/minicom).',
    });
  }
  return new PrinterError('IO', at, { cause: e });
}
