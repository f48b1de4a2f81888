import { describe, expect, it } from 'vitest';
import {
  PrinterError,
  createRecordingTransport,
  openTransport,
  queryStatus,
  sendJob,
} from '../../../printer/index';
import { parseStatus } from '../../../printer/status/parse';
import { hex } from './helpers';

/** A scripted printer: answers DLE EOT n from `eot` and GS r 1 with `gsr`. */
function scripted(eot: number[], gsr?: number) {
  return createRecordingTransport({
    replies: (w) => {
      if (w[0] === 0x10 && w[1] === 0x04) return Uint8Array.of(eot[(w[2] ?? 1) - 1] ?? 0x12);
      if (w[0] === 0x1d && w[1] === 0x72) return gsr === undefined ? undefined : Uint8Array.of(gsr);
      return undefined;
    },
  });
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof PrinterError ? e.code : String(e);
  }
}

describe('parseStatus (escpos.md §2.2)', () => {
  it('reads all-OK replies', () => {
    expect(parseStatus([0x12, 0x12, 0x12, 0x12])).toEqual({
      online: true,
      coverOpen: false,
      paperEnd: false,
      paperNearEnd: false,
      cutterError: false,
      unrecoverableError: false,
      drawerOpen: false,
      raw: [0x12, 0x12, 0x12, 0x12],
    });
  });
  it('reads offline, cover open, cutter and unrecoverable errors, near end and paper end', () => {
    expect(parseStatus([0x1a, 0x16, 0x3a, 0x1e])).toMatchObject({
      online: false,
      coverOpen: true,
      cutterError: true,
      unrecoverableError: true,
      paperNearEnd: true,
      paperEnd: false,
    });
    expect(parseStatus([0x12, 0x12, 0x12, 0x72]).paperEnd).toBe(true);
    expect(parseStatus([0x16, 0x12, 0x12, 0x12]).drawerOpen).toBe(true);
  });
});

describe('queryStatus', () => {
  it('asks DLE EOT 1..4 one at a time and parses the answers', async () => {
    const t = scripted([0x12, 0x16, 0x12, 0x72]);
    const s = await queryStatus(t, 200);
    expect(t.recording.map(hex)).toEqual(['10 04 01', '10 04 02', '10 04 03', '10 04 04']);
    expect(s).toMatchObject({
      online: true,
      coverOpen: true,
      paperEnd: true,
      raw: [0x12, 0x16, 0x12, 0x72],
    });
  });

  it('skips stray bytes that are not DLE EOT replies', async () => {
    const t = createRecordingTransport({
      replies: (w) =>
        w[0] === 0x10 ? Uint8Array.of(0x00, 0x11, w[2] === 2 ? 0x16 : 0x12) : undefined,
    });
    expect((await queryStatus(t, 200)).raw).toEqual([0x12, 0x16, 0x12, 0x12]);
  });

  it('times out when the printer is silent', async () => {
    const t = createRecordingTransport();
    const started = Date.now();
    expect(await code(queryStatus(t, 150))).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('sendJob', () => {
  const JOB = Uint8Array.of(0x1b, 0x40, 0x41, 0x0a);

  it('writes the job then GS r 1 and is confirmed by a 0xx0xxxx reply', async () => {
    const t = scripted([], 0x00);
    expect(await sendJob(t, JOB, { confirmTimeoutMs: 200 })).toEqual({
      confirmed: true,
      paperNearEnd: false,
    });
    expect(hex(t.written())).toBe('1b 40 41 0a 1d 72 01');
  });

  it('reports paper near end and ignores a stray DLE EOT reply before the confirmation', async () => {
    const t = createRecordingTransport({
      replies: (w) => (w[0] === 0x1d ? Uint8Array.of(0x12, 0x03) : undefined),
    });
    expect(await sendJob(t, JOB, { confirmTimeoutMs: 200 })).toEqual({
      confirmed: true,
      paperNearEnd: true,
    });
  });

  it('throws PAPER_END, NOT_CONFIRMED and DISCONNECTED', async () => {
    expect(await code(sendJob(scripted([], 0x0c), JOB, { confirmTimeoutMs: 200 }))).toBe(
      'PAPER_END',
    );
    expect(await code(sendJob(scripted([]), JOB, { confirmTimeoutMs: 100 }))).toBe('NOT_CONFIRMED');
    const closed = scripted([], 0);
    await closed.close();
    expect(await code(sendJob(closed, JOB, { confirmTimeoutMs: 100 }))).toBe('DISCONNECTED');
  });

  it('does not take a stale reply from an earlier job as confirmation', async () => {
    let n = 0;
    const t = createRecordingTransport({
      replies: (w) => (w[0] === 0x1d && n++ === 0 ? Uint8Array.of(0) : undefined),
    });
    await t.write(Uint8Array.of(0x1d, 0x72, 0x01)); // earlier request; its reply is still unread
    expect(await code(sendJob(t, JOB, { confirmTimeoutMs: 100 }))).toBe('NOT_CONFIRMED');
  });
});

describe('openTransport', () => {
  it('accepts tcp, serial, usb and file URIs without touching the device', () => {
    for (const uri of [
      'tcp://127.0.0.1:9100',
      'serial:/dev/ttyUSB0?baud=9600',
      'serial:COM3?baud=19200&flow=xonxoff',
      'usb:0416:5011',
      'file:/dev/usb/lp0',
    ]) {
      expect(openTransport(uri).uri).toBe(uri);
    }
  });

  it('refuses unknown schemes and malformed URIs with UNSUPPORTED_URI and a Chinese message', () => {
    for (const uri of [
      'lpt:1',
      'usb:416:5011',
      'serial:/dev/ttyS0?baud=fast',
      'serial:/dev/ttyS0?flow=dsrdtr',
      'file:',
      'nonsense',
      'tcp://',
    ]) {
      let err: unknown;
      try {
        openTransport(uri);
      } catch (e) {
        err = e;
      }
      expect(err, uri).toBeInstanceOf(PrinterError);
      expect((err as PrinterError).code).toBe('UNSUPPORTED_URI');
      expect((err as PrinterError).messageZh).toMatch(/打印机/);
    }
  });
});
