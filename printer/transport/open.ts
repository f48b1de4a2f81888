import { PrinterError } from '../errors';
import { FileTransport } from './file';
import type { SerialBinding } from './serial-binding';
import { SerialTransport, type SerialFlow } from './serial';
import { TcpTransport } from './tcp';
import type { Transport } from './types';
import { UsbTransport } from './usb';
import type { WebUsbLike } from './usb-types';

export interface TransportOptions {
  /** Connect timeout (ms); reads and confirmations take their own timeouts. */
  timeoutMs?: number;
  /** serial: binding to use instead of the OS one (tests pass MockBinding). */
  serialBinding?: SerialBinding;
  /** usb: WebUSB implementation instead of usb@3's (tests pass a fake). */
  webusb?: WebUsbLike;
}

interface Resolved {
  timeoutMs: number;
  serialBinding: SerialBinding | undefined;
  webusb: WebUsbLike | undefined;
}

type Factory = (url: URL, uri: string, opts: Resolved) => Transport;

const FLOWS: readonly SerialFlow[] = ['none', 'rtscts', 'xonxoff'];

function bad(uri: string, why: string): PrinterError {
  return new PrinterError('UNSUPPORTED_URI', `${why} in printer URI ${uri}`);
}

/** One factory per URI scheme (DESIGN.md "Configuration"), each with its own module. */
const FACTORIES: Record<string, Factory> = {
  'tcp:': (url, uri, opts) => {
    if (!url.hostname) throw bad(uri, 'no host');
    const port = url.port === '' ? 9100 : Number(url.port);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1'); // URL keeps IPv6 brackets
    return new TcpTransport(uri, host, port, opts.timeoutMs);
  },
  // serial:/dev/ttyUSB0?baud=9600&flow=rtscts, serial:COM3?baud=19200
  'serial:': (url, uri, opts) => {
    const path = decodeURIComponent(url.pathname);
    if (!path) throw bad(uri, 'no port');
    const baud = Number(url.searchParams.get('baud') ?? '9600');
    if (!Number.isInteger(baud) || baud < 300 || baud > 921_600) throw bad(uri, 'bad baud rate');
    const flow = (url.searchParams.get('flow') ?? 'none') as SerialFlow;
    if (!FLOWS.includes(flow)) throw bad(uri, `flow must be one of ${FLOWS.join('|')}`);
    const binding = opts.serialBinding;
    const base = { path, baud, flow, timeoutMs: opts.timeoutMs };
    return new SerialTransport(uri, binding ? { ...base, binding } : base);
  },
  // usb:0416:5011 (hex vendor and product ids)
  'usb:': (url, uri, opts) => {
    const m = /^([0-9a-f]{4}):([0-9a-f]{4})$/i.exec(url.pathname);
    if (!m?.[1] || !m[2]) throw bad(uri, 'expected usb:VID:PID in hex');
    const base = { vid: parseInt(m[1], 16), pid: parseInt(m[2], 16), timeoutMs: opts.timeoutMs };
    return new UsbTransport(uri, opts.webusb ? { ...base, webusb: opts.webusb } : base);
  },
  'file:': (url, uri) => {
    const path = decodeURIComponent(url.pathname);
    if (!path || path === '/') throw bad(uri, 'no device path');
    // Windows device names (file:LPT1, file:COM3) open through the \\.\ device namespace.
    const win = process.platform === 'win32' && /^\/?((?:LPT|COM|USB)\d{1,3})$/i.exec(path);
    return new FileTransport(uri, win && win[1] ? `\\\\.\\${win[1]}` : path);
  },
};

export function openTransport(uri: string, opts?: TransportOptions): Transport {
  let url: URL;
  try {
    url = new URL(uri);
  } catch (cause) {
    throw new PrinterError('UNSUPPORTED_URI', `not a printer URI: ${uri}`, { cause });
  }
  const factory = FACTORIES[url.protocol];
  if (!factory) {
    throw new PrinterError(
      'UNSUPPORTED_URI',
      `printer URI scheme ${url.protocol} is not supported`,
    );
  }
  return factory(url, uri, {
    timeoutMs: opts?.timeoutMs ?? 3000,
    serialBinding: opts?.serialBinding,
    webusb: opts?.webusb,
  });
}
