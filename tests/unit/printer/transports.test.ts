import { SerialPortMock } from 'serialport';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  PrinterError,
  listUsbPrinters,
  openTransport,
  queryStatus,
  sendJob,
} from '../../../printer/index';
import { probeStatus } from '../../../printer/status/query';
import { FakeUsbDevice, fakeWebUsb } from './fake-usb';
import { hex } from './helpers';

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof PrinterError ? e.code : String(e);
  }
}

const JOB = Uint8Array.of(0x1b, 0x40, 0x41, 0x0a);

// serialport re-exports binding-mock with its typings (the mock package's ESM entry has none).
const MockBinding = SerialPortMock.binding;

describe('serial transport (binding-mock)', () => {
  afterEach(() => MockBinding.reset());

  it('writes the job byte-exact, then GS r 1, and is confirmed by the reply', async () => {
    MockBinding.createPort('/dev/ttyMOCK', { record: true });
    const t = openTransport('serial:/dev/ttyMOCK?baud=9600', { serialBinding: MockBinding });
    await t.open();
    const handle = (t as unknown as { port: { emitData(d: Buffer): void; recording: Buffer } })
      .port;
    const pending = sendJob(t, JOB, { confirmTimeoutMs: 500 });
    await new Promise((r) => setTimeout(r, 20));
    expect(hex(handle.recording)).toBe('1b 40 41 0a 1d 72 01');
    handle.emitData(Buffer.from([0x12, 0x03])); // a stray DLE EOT reply, then GS r: near end
    expect(await pending).toEqual({ confirmed: true, paperNearEnd: true });
    await t.close();
  });

  it('skips XON/XOFF between status replies and reads DLE EOT answers', async () => {
    MockBinding.createPort('/dev/ttyX', { record: true });
    const t = openTransport('serial:/dev/ttyX?baud=9600&flow=xonxoff', {
      serialBinding: MockBinding,
    });
    await t.open();
    const handle = (t as unknown as { port: { emitData(d: Buffer): void; recording: Buffer } })
      .port;
    const status = queryStatus(t, 500);
    for (const reply of [0x12, 0x16, 0x12, 0x72]) {
      await new Promise((r) => setTimeout(r, 10));
      handle.emitData(Buffer.from([0x13, 0x11, reply]));
    }
    expect(await status).toMatchObject({
      coverOpen: true,
      paperEnd: true,
      raw: [0x12, 0x16, 0x12, 0x72],
    });
    expect(hex(handle.recording)).toBe('10 04 01 10 04 02 10 04 03 10 04 04');
    await t.close();
  });

  it('names the cause: NOT_FOUND, BUSY, and can reopen after close', async () => {
    expect(
      await code(openTransport('serial:/dev/none', { serialBinding: MockBinding }).open()),
    ).toBe('NOT_FOUND');
    MockBinding.createPort('/dev/ttyB', { record: true });
    const a = openTransport('serial:/dev/ttyB', { serialBinding: MockBinding });
    await a.open();
    const b = openTransport('serial:/dev/ttyB', { serialBinding: MockBinding });
    const err = await b.open().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrinterError);
    expect((err as PrinterError).code).toBe('BUSY');
    expect((err as PrinterError).messageZh).toMatch(/占用/);
    await a.close();
    await a.open();
    await a.write(Uint8Array.of(0x41));
    await a.close();
  });

  it('maps a permission error to PERMISSION_DENIED with the dialout hint', async () => {
    const denied = {
      list: async () => [],
      open: async () => {
        throw new Error('Error: Permission denied, cannot open /dev/ttyS0');
      },
    };
    const err = await openTransport('serial:/dev/ttyS0', { serialBinding: denied })
      .open()
      .catch((e: unknown) => e);
    expect((err as PrinterError).code).toBe('PERMISSION_DENIED');
    expect((err as PrinterError).hint).toMatch(/dialout/);
  });
});

describe('usb transport (fake WebUSB printer)', () => {
  it('lists printer-class devices only', async () => {
    const list = await listUsbPrinters(
      fakeWebUsb([new FakeUsbDevice(), new FakeUsbDevice({ cls: 3 })]),
    );
    expect(list).toEqual([
      expect.objectContaining({
        vid: '0416',
        pid: '5011',
        uri: 'usb:0416:5011',
        bidirectional: true,
      }),
    ]);
  });

  it('claims the class-7 interface, writes in chunks and confirms via bulk IN', async () => {
    const dev = new FakeUsbDevice();
    const t = openTransport('usb:0416:5011', { webusb: fakeWebUsb([dev]) });
    await t.open();
    expect(dev.claimed).toEqual([0]);
    const big = new Uint8Array(10_000).fill(0x41);
    await expect(sendJob(t, big, { confirmTimeoutMs: 500 })).resolves.toEqual({
      confirmed: true,
      paperNearEnd: false,
    });
    expect(dev.received.length).toBe(10_003);
    expect(dev.chunks).toBeGreaterThan(2);
    expect((await queryStatus(t, 500)).online).toBe(true);
    await t.close();
    await t.open(); // reconnect after close
    await t.close();
  });

  it('reports NOT_FOUND, PERMISSION_DENIED (udev hint), BUSY (usblp) and DISCONNECTED', async () => {
    expect(await code(openTransport('usb:0416:5011', { webusb: fakeWebUsb([]) }).open())).toBe(
      'NOT_FOUND',
    );
    const denied = new FakeUsbDevice({ openError: 'Permission denied (os error 13)' });
    const e1 = await openTransport('usb:0416:5011', { webusb: fakeWebUsb([denied]) })
      .open()
      .catch((e: unknown) => e);
    expect((e1 as PrinterError).code).toBe('PERMISSION_DENIED');
    expect((e1 as PrinterError).hint).toContain('ATTR{idVendor}=="0416", MODE="0666"');
    const busy = new FakeUsbDevice({ claimError: 'Device or resource busy (os error 16)' });
    const e2 = await openTransport('usb:0416:5011', { webusb: fakeWebUsb([busy]) })
      .open()
      .catch((e: unknown) => e);
    expect((e2 as PrinterError).code).toBe('BUSY');
    expect((e2 as PrinterError).hint).toMatch(/usblp.*file:\/dev\/usb\/lp0/s);
    const dev = new FakeUsbDevice({ unplugAfterBytes: 5000 });
    const t = openTransport('usb:0416:5011', { webusb: fakeWebUsb([dev]) });
    await t.open();
    expect(await code(sendJob(t, new Uint8Array(9000), { confirmTimeoutMs: 300 }))).toBe(
      'DISCONNECTED',
    );
  });
});

describe('file transport (write-only)', () => {
  it('writes the bytes, reports status unknown, and never claims a confirmation', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'till-lp-')), 'lp0');
    writeFileSync(path, '');
    const t = openTransport(`file:${path}`);
    await t.open();
    expect(await probeStatus(t, 100)).toMatchObject({ known: false, reason: 'write-only' });
    expect(await code(sendJob(t, JOB))).toBe('NOT_CONFIRMED');
    await expect(sendJob(t, JOB, { allowUnconfirmed: true })).resolves.toEqual({
      confirmed: false,
      written: true,
      reason: 'write-only',
    });
    await t.close();
    expect(hex(readFileSync(path))).toBe(hex([...JOB, ...JOB]));
    expect(await code(openTransport(`file:${path}.missing`).open())).toBe('NOT_FOUND');
  });
});
