import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkPrinterUri,
  DEFAULT_PRINTER_PORTS,
  parsePortList,
  PrinterError,
  type PrinterPolicy,
} from '../../../printer';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir('till-allow-');
afterAll(() => tmp.cleanup());
const script = join(tmp.dir, 'backup.sh');
writeFileSync(script, '#!/bin/sh\necho ok\n');
const settings = join(tmp.dir, 'settings.json');
writeFileSync(settings, '{}');
mkdirSync(join(tmp.dir, 'dev', 'usb'), { recursive: true });
// A symlink with a printer's name that points at a file: what it resolves to is what counts.
const fakeLp = join(tmp.dir, 'dev', 'usb', 'lp0');
symlinkSync(settings, fakeLp);
const linkToScript = join(tmp.dir, 'ttyUSB0');
symlinkSync(script, linkToScript);

const linux: PrinterPolicy = { tcpPorts: DEFAULT_PRINTER_PORTS, platform: 'linux' };
const windows: PrinterPolicy = { tcpPorts: DEFAULT_PRINTER_PORTS, platform: 'win32' };
const refusal = (uri: string, policy = linux): PrinterError | null => {
  try {
    checkPrinterUri(uri, policy);
    return null;
  } catch (err) {
    return err as PrinterError;
  }
};

describe('printer addresses that can only be printers', () => {
  it.each([
    'tcp://192.168.1.50:9100',
    'tcp://192.168.1.50',
    'tcp://10.0.0.9:9101',
    'tcp://172.16.3.4:9109',
    'tcp://127.0.0.1:9100',
    'tcp://169.254.10.20:9100',
    'tcp://[::1]:9100',
    'tcp://[fd12:3456::10]:9100',
    'file:/dev/usb/lp0',
    'file:///dev/usb/lp1',
    'file:/dev/lp0',
    'serial:/dev/ttyUSB0?baud=9600',
    'serial:/dev/ttyS0?baud=19200&flow=rtscts',
    'serial:/dev/ttyACM0?flow=xonxoff&baud=115200',
    'usb:0416:5011',
    'none',
  ])('allows %s', (uri) => expect(refusal(uri)).toBeNull());

  it.each([
    // file: anything but a printer device
    `file:${script}`,
    `file://${script}`,
    `file:${settings}`,
    'file:/etc/passwd',
    'file:/dev/usb/lp0/../../../tmp/x.sh',
    'file:/dev/usb/../../etc/cron.d/till',
    'file:/dev/usb/lp0%2f..%2f..%2ftmp%2fx',
    'file:/dev/%75sb/lp0',
    'file:/dev/usb/lp0?x=1',
    'file:/dev/usb/lp0#frag',
    'file://evil.example/dev/usb/lp0',
    'file:/dev/sda',
    'file:/dev/mem',
    'file:/dev/tty',
    `file:${fakeLp}`,
    // tcp: public addresses, other ports, names, spellings that mean other hosts
    'tcp://8.8.8.8:9100',
    'tcp://203.0.113.7:9100',
    'tcp://192.168.1.50:22',
    'tcp://127.0.0.1:22',
    'tcp://127.0.0.1:5432',
    'tcp://192.168.1.50:80',
    'tcp://printer.local:9100',
    'tcp://localhost:9100',
    'tcp://0.0.0.0:9100',
    'tcp://0x7f.1:9100',
    'tcp://2130706433:9100',
    'tcp://0177.0.0.1:9100',
    'tcp://127.0.0.01:9100',
    'tcp://%31%32%37.0.0.1:9100',
    'tcp://[::ffff:8.8.8.8]:9100',
    'tcp://[::ffff:127.0.0.1]:9100',
    'tcp://[2001:db8::1]:9100',
    'tcp://user@192.168.1.50:9100',
    'tcp://192.168.1.50:9100/../x',
    'tcp://192.168.1.50:9100?x',
    'tcp://192.168.1.50:09100x',
    // serial: only serial devices
    `serial:${script}?baud=9600`,
    `serial:${settings}`,
    `serial:${linkToScript}?baud=9600`,
    'serial:/dev/ttyUSB0/../../tmp/x',
    'serial:/dev/ttyUSB0?baud=9600;rm -rf /',
    'serial:/dev/ttyUSB0?baud=9600&x=1',
    'serial:../../tmp/x',
    'serial:/dev/null',
    'serial:/dev/tty%55SB0',
    // other schemes
    'http://192.168.1.50:9100',
    'gopher://x',
    'javascript:alert(1)',
    'usb:0416:5011/../x',
    'virtual',
  ])('refuses %s with a clear message, before anything is opened', (uri) => {
    const e = refusal(uri);
    expect(e).toBeInstanceOf(PrinterError);
    expect(e?.code).toBe('REFUSED_ADDRESS');
    expect(e?.messageZh).toMatch(/不是打印机/);
    expect(e?.message).toContain(JSON.stringify(uri));
    expect(e?.hint).toBeTruthy();
  });

  it('extra printer ports come from settings, not from the address', () => {
    expect(refusal('tcp://192.168.1.50:631')?.message).toMatch(/port 631 .*9100–9109/);
    expect(
      refusal('tcp://192.168.1.50:631', { tcpPorts: [...DEFAULT_PRINTER_PORTS, 631] }),
    ).toBeNull();
    expect(parsePortList('9100-9102, 4000')).toEqual([9100, 9101, 9102, 4000]);
    expect(() => parsePortList('22;')).toThrow(/not a port/);
    expect(() => parsePortList('1-65535')).toThrow(/not a port/);
  });

  it('on Windows: LPT, COM and USB printer ports only', () => {
    for (const ok of ['file:LPT1', 'file:COM3', 'file:USB001', 'serial:COM3?baud=9600'])
      expect(refusal(ok, windows), ok).toBeNull();
    for (const bad of [
      'file:C:/Windows/System32/drivers/etc/hosts',
      'file:///C:/till/settings.json',
      'file:\\\\server\\share\\x.bat',
      'file:CON',
      'file:NUL',
      'file:LPT1/../x',
      'serial:C:/x.txt',
      'serial:LPT1',
    ])
      expect(refusal(bad, windows)?.code, bad).toBe('REFUSED_ADDRESS');
  });
});
