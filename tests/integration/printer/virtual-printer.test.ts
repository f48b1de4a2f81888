import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PROFILES,
  PrinterError,
  encodeEscPos,
  layoutReceipt,
  openTransport,
  queryStatus,
  sendJob,
  startVirtualPrinter,
  type Transport,
  type VirtualPrinter,
} from '../../../printer/index';

const RECEIPT = encodeEscPos(
  layoutReceipt(
    {
      blocks: [
        { kind: 'text', text: '便利店', align: 'center', size: 'double' },
        { kind: 'item', name: '农夫山泉矿泉水550ml', qty: '2', unitPrice: '2.00', total: '4.00' },
        { kind: 'item', name: '康师傅红烧牛肉面', qty: '1', unitPrice: '4.50', total: '4.50' },
        { kind: 'pair', left: '合计', right: '¥8.50' },
        { kind: 'qr', data: 'https://till.example/发票/1' },
        { kind: 'drawer' },
        { kind: 'cut' },
      ],
    },
    PROFILES['58mm'],
  ),
);

async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof PrinterError ? e.code : String(e);
  }
}

let printer: VirtualPrinter;
let t: Transport;

beforeEach(async () => {
  printer = await startVirtualPrinter();
  t = openTransport(printer.uri, { timeoutMs: 1000 });
  await t.open();
});

afterEach(async () => {
  await t.close();
  await printer.close();
});

describe('virtual printer over real TCP', () => {
  it('prints a confirmed job whose text holds the Chinese names', async () => {
    const seen: string[] = [];
    const off = printer.onJob((job) => seen.push(job.text));
    expect(printer.uri).toBe(`tcp://127.0.0.1:${printer.port}`);
    await expect(sendJob(t, RECEIPT, { confirmTimeoutMs: 1000 })).resolves.toEqual({
      confirmed: true,
      paperNearEnd: false,
    });
    expect(printer.jobs).toHaveLength(1);
    const job = printer.jobs[0]!;
    expect(job.text).toContain('农夫山泉矿泉水550ml');
    expect(job.text).toContain('康师傅红烧牛肉面');
    expect(job.text).toContain('￥8.50');
    expect(job).toMatchObject({
      chineseMode: true,
      cuts: 1,
      drawerKicks: 1,
      statusRequests: 1,
      unknownCommands: [],
    });
    expect(job.qrCodes).toEqual(['https://till.example/发票/1']);
    expect(printer.rawJobs[0]!.length).toBe(RECEIPT.length + 3); // + GS r 1
    expect(seen).toEqual([job.text]);
    off();
    await sendJob(t, RECEIPT, { confirmTimeoutMs: 1000 });
    expect(printer.jobs).toHaveLength(2);
    expect(seen).toHaveLength(1);
  });

  it('takes a job that arrives one byte at a time', async () => {
    for (const byte of RECEIPT) await t.write(Uint8Array.of(byte));
    await expect(sendJob(t, new Uint8Array(0), { confirmTimeoutMs: 1000 })).resolves.toMatchObject({
      confirmed: true,
    });
    expect(printer.jobs[0]?.text).toContain('康师傅红烧牛肉面');
  });

  it('reports status for each fault', async () => {
    expect(await queryStatus(t, 500)).toMatchObject({
      online: true,
      coverOpen: false,
      paperEnd: false,
      raw: [0x12, 0x12, 0x12, 0x12],
    });
    printer.setFault('paper-end');
    expect(await queryStatus(t, 500)).toMatchObject({
      online: false,
      paperEnd: true,
      raw: [0x1a, 0x32, 0x12, 0x72],
    });
    printer.setFault('cover-open');
    expect(await queryStatus(t, 500)).toMatchObject({
      online: false,
      coverOpen: true,
      paperEnd: false,
    });
    printer.setFault('offline');
    expect(await queryStatus(t, 500)).toMatchObject({
      online: false,
      coverOpen: false,
      paperEnd: false,
    });
    printer.setFault('hang');
    expect(await errorCode(queryStatus(t, 300))).toBe('TIMEOUT');
    printer.setFault('none');
    expect((await queryStatus(t, 500)).online).toBe(true);
  });

  it('paper end stops the printer: the job waits in its buffer unconfirmed and prints nothing', async () => {
    printer.setFault('paper-end');
    expect(await errorCode(sendJob(t, RECEIPT, { confirmTimeoutMs: 500 }))).toBe('NOT_CONFIRMED');
    expect(printer.jobs).toHaveLength(0);
    expect(printer.received).toHaveLength(1);
  });

  it('throws PAPER_END when GS r reports paper end although DLE EOT says ready', async () => {
    printer.setGsrReport('paper-end');
    expect((await queryStatus(t, 500)).online).toBe(true);
    expect(await errorCode(sendJob(t, RECEIPT, { confirmTimeoutMs: 1000 }))).toBe('PAPER_END');
    expect(printer.jobs).toHaveLength(0);
  });

  it('a slow printer answers DLE EOT at once while GS r waits for the paper', async () => {
    const slow = await startVirtualPrinter({ jobMs: 1200 });
    const a = openTransport(slow.uri, { timeoutMs: 1000 });
    const b = openTransport(slow.uri, { timeoutMs: 1000 });
    await a.open();
    await b.open();
    try {
      const started = Date.now();
      const job = sendJob(a, RECEIPT, { confirmTimeoutMs: 5000 });
      await new Promise((r) => setTimeout(r, 200));
      const asked = Date.now();
      expect((await queryStatus(b, 500)).online).toBe(true);
      expect(Date.now() - asked).toBeLessThan(300); // real-time: not behind the buffer
      await job;
      expect(Date.now() - started).toBeGreaterThanOrEqual(1100);
      expect(slow.jobs).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
      await slow.close();
    }
  });

  it('a printer stopped mid-job keeps what it printed; DLE ENQ 2 drops the rest', async () => {
    const slow = await startVirtualPrinter({ jobMs: 1000 });
    const a = openTransport(slow.uri, { timeoutMs: 1000 });
    await a.open();
    try {
      const job = errorCode(sendJob(a, RECEIPT, { confirmTimeoutMs: 900 }));
      await new Promise((r) => setTimeout(r, 400));
      slow.setFault('cover-open');
      expect(await job).toBe('NOT_CONFIRMED');
      await a.write(Uint8Array.of(0x10, 0x05, 0x02));
      await expect.poll(() => slow.partials.length).toBe(1);
      slow.setFault('none');
      await slow.idle();
      expect(slow.jobs).toHaveLength(0);
      expect(slow.partials[0]!.lines.length).toBeGreaterThan(0);
    } finally {
      await a.close();
      await slow.close();
    }
  });

  it('ESC p waits in the buffer while stopped; DLE DC4 1 kicks the drawer at once', async () => {
    printer.setFault('paper-end');
    await t.write(Uint8Array.of(0x1b, 0x70, 0x00, 0x19, 0xfa));
    await t.write(Uint8Array.of(0x10, 0x14, 0x01, 0x00, 0x01));
    await expect.poll(() => printer.drawerKicks.length).toBe(1);
    expect(printer.drawerKicks[0]!.command).toBe('DLE DC4');
    printer.setFault('none');
    await expect.poll(() => printer.drawerKicks.length).toBe(2);
    expect(printer.drawerKicks[1]!.command).toBe('ESC p');
    expect(printer.jobs).toHaveLength(0); // a drawer kick is not a printed job
  });

  it.each(['cover-open', 'offline', 'hang'] as const)(
    'is NOT_CONFIRMED within the timeout when %s',
    async (fault) => {
      printer.setFault(fault);
      const started = Date.now();
      expect(await errorCode(sendJob(t, RECEIPT, { confirmTimeoutMs: 300 }))).toBe('NOT_CONFIRMED');
      expect(Date.now() - started).toBeLessThan(1500);
      expect(printer.jobs).toHaveLength(0);
    },
  );

  it('throws DISCONNECTED when the printer drops the connection mid-job', async () => {
    printer.setFault('drop');
    expect(await errorCode(sendJob(t, RECEIPT, { confirmTimeoutMs: 2000 }))).toBe('DISCONNECTED');
    expect(await errorCode(t.write(RECEIPT))).toBe('DISCONNECTED');
  });

  it('records a job ended by closing the connection, but not a bare status query', async () => {
    const other = openTransport(printer.uri);
    await other.open();
    await queryStatus(other, 500);
    await other.write(RECEIPT);
    await other.close();
    await expect.poll(() => printer.jobs.length, { timeout: 2000 }).toBe(1);
    expect(printer.jobs[0]!.statusRequests).toBe(0);
    expect(printer.jobs[0]!.text).toContain('合计');
  });
});

describe('openTransport errors', () => {
  it('maps a refused connection to CONNECTION_REFUSED', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((r) => server.close(() => r()));
    const dead = openTransport(`tcp://127.0.0.1:${port}`, { timeoutMs: 1000 });
    expect(await errorCode(dead.open())).toBe('CONNECTION_REFUSED');
  });
});
