import { realpathSync, statSync } from 'node:fs';
import { isIPv4, isIPv6 } from 'node:net';
import { PrinterError } from '../errors';

/** Raw-socket printer ports (JetDirect 9100 and the next nine, for multi-port print servers). */
export const DEFAULT_PRINTER_PORTS: readonly number[] = Array.from(
  { length: 10 },
  (_, i) => 9100 + i,
);

export interface PrinterPolicy {
  /** TCP ports a network printer may use. */
  tcpPorts: readonly number[];
  platform?: NodeJS.Platform;
}

/** "9100-9109,12345" → the ports; a bad list is an error, not a silently shorter list. */
export function parsePortList(text: string): number[] {
  const out: number[] = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part);
    const lo = Number(m?.[1]);
    const hi = Number(m?.[2] ?? m?.[1]);
    if (!m || lo < 1 || hi > 65535 || hi < lo || hi - lo > 1000)
      throw new Error(`"${part}" is not a port or a port range`);
    for (let p = lo; p <= hi; p++) out.push(p);
  }
  return out;
}

const refuse = (uri: string, why: string, hint: string): PrinterError =>
  new PrinterError('REFUSED_ADDRESS', `refused printer address ${JSON.stringify(uri)}: ${why}`, {
    hint,
  });

/** Loopback, RFC 1918 private and link-local (a printer that fell back to 169.254.x.x). */
function privateV4(ip: string): boolean {
  const [a = -1, b = -1] = ip.split('.').map(Number);
  return (
    a === 127 ||
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254)
  );
}
/** ::1, unique-local fc00::/7, link-local fe80::/10; IPv4-mapped forms are refused outright. */
const privateV6 = (ip: string): boolean =>
  ip === '::1' || /^f[cd][0-9a-f]{0,2}:/i.test(ip) || /^fe[89ab][0-9a-f]:/i.test(ip);

function checkTcp(uri: string, policy: PrinterPolicy): void {
  const m = /^tcp:\/\/(\d{1,3}(?:\.\d{1,3}){3}|\[([0-9a-fA-F:]+)\])(?::(\d{1,5}))?\/?$/.exec(uri);
  const hint =
    "Use the printer's LAN IP address as printed on its self-test page, e.g. tcp://192.168.1.50:9100.";
  if (!m?.[1]) throw refuse(uri, 'a network printer is tcp://<IP address>:<port>', hint);
  const v6 = m[2];
  const ip = v6 ?? m[1];
  // Dotted decimal only: 0x7f.1 or 010.0.0.1 mean other hosts to other parsers.
  if (v6 ? !isIPv6(v6) || /^::ffff:/i.test(v6) : !isIPv4(ip) || /(^|\.)0\d/.test(ip))
    throw refuse(uri, 'not a plain IP address', hint);
  if (v6 ? !privateV6(v6) : !privateV4(ip))
    throw refuse(
      uri,
      `${ip} is not on this shop's network (private or loopback addresses only)`,
      hint,
    );
  const port = m[3] === undefined ? 9100 : Number(m[3]);
  if (!policy.tcpPorts.includes(port))
    throw refuse(
      uri,
      `port ${port} is not a printer port (allowed: ${describePorts(policy.tcpPorts)})`,
      'Network receipt printers listen on 9100. Another port can be allowed in settings.json "printerPorts".',
    );
}

function describePorts(ports: readonly number[]): string {
  const sorted = [...ports].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    runs.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

const LINUX_PRINTER = /^\/dev\/(?:usb\/lp\d{1,3}|lp\d{1,3})$/;
const LINUX_SERIAL = /^\/dev\/(?:tty(?:S|USB|ACM|AMA|XRUSB)\d{1,3}|rfcomm\d{1,3}|pts\/\d{1,4})$/;
const WIN_PRINTER = /^(?:LPT[1-9]|COM[1-9]\d{0,2}|USB\d{3})$/i;
const WIN_SERIAL = /^(?:COM[1-9]\d{0,2})$/i;

/**
 * A device path is what it says only if what it resolves to is a character device with a
 * printer's (or serial port's) name. A missing device (printer unplugged) is allowed by name:
 * it is opened without O_CREAT, so it can never become a file.
 */
function checkDevice(uri: string, path: string, pattern: RegExp, what: string, hint: string): void {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    if (pattern.test(path)) return;
    throw refuse(uri, `${path} is not a ${what}`, hint);
  }
  if (!pattern.test(real) || !statSync(real).isCharacterDevice())
    throw refuse(uri, `${path}${real !== path ? ` (${real})` : ''} is not a ${what}`, hint);
}

function checkFile(uri: string, platform: NodeJS.Platform): void {
  const hint =
    platform === 'win32'
      ? 'Use file:LPT1, file:COM3 or file:USB001, or usb:VID:PID for a USB printer.'
      : 'Use the printer device, e.g. file:/dev/usb/lp0 (ls /dev/usb/), or usb:VID:PID.';
  const m = /^file:(?:\/\/)?([^?#%\\]+)$/.exec(uri);
  if (!m?.[1]) throw refuse(uri, 'not a printer device', hint);
  if (platform === 'win32') {
    if (!WIN_PRINTER.test(m[1].replace(/^\//, ''))) throw refuse(uri, 'not a printer port', hint);
    return;
  }
  if (!LINUX_PRINTER.test(m[1])) throw refuse(uri, `${m[1]} is not a printer device`, hint);
  checkDevice(uri, m[1], LINUX_PRINTER, 'printer device', hint);
}

function checkSerial(uri: string, platform: NodeJS.Platform): void {
  const hint =
    platform === 'win32'
      ? 'Use the COM port from Device Manager, e.g. serial:COM3?baud=9600.'
      : 'Use the serial port, e.g. serial:/dev/ttyUSB0?baud=9600 (ls /dev/ttyUSB* /dev/serial/by-id/).';
  const m =
    /^serial:([^?#%\\]+)(?:\?((?:baud=\d{3,6}|flow=(?:none|rtscts|xonxoff))(?:&(?:baud=\d{3,6}|flow=(?:none|rtscts|xonxoff)))?))?$/.exec(
      uri,
    );
  if (!m?.[1]) throw refuse(uri, 'not a serial port', hint);
  if (platform === 'win32') {
    if (!WIN_SERIAL.test(m[1])) throw refuse(uri, 'not a COM port', hint);
    return;
  }
  if (!m[1].startsWith('/') || m[1].split('/').includes('..'))
    throw refuse(uri, 'a serial port is an absolute device path', hint);
  checkDevice(uri, m[1], LINUX_SERIAL, 'serial port', hint);
}

/**
 * The printer address allow-list (the till's, not the library's: openTransport stays general for
 * tests and tools). Checked on the raw text, so no URL-parser quirk (dot segments, %-escapes,
 * hex IPs, backslashes) can make the address mean something other than what was checked.
 * Throws PrinterError REFUSED_ADDRESS; nothing is opened or written.
 */
export function checkPrinterUri(uri: string, policy: PrinterPolicy): void {
  const platform = policy.platform ?? process.platform;
  if (uri === 'none') return;
  if (/^usb:[0-9a-f]{4}:[0-9a-f]{4}$/i.test(uri)) return;
  if (uri.startsWith('tcp:')) return checkTcp(uri, policy);
  if (uri.startsWith('file:')) return checkFile(uri, platform);
  if (uri.startsWith('serial:')) return checkSerial(uri, platform);
  throw refuse(
    uri,
    'unknown kind of printer address',
    'Printer addresses are tcp://IP:9100, serial:/dev/ttyUSB0?baud=9600, usb:VID:PID, file:/dev/usb/lp0 or none.',
  );
}
