import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PrinterError,
  encodeEscPos,
  layoutReceipt,
  openTransport,
  queryStatus,
  sendJob,
  startVirtualSerialPrinter,
  type Transport,
  type VirtualSerialPrinter,
} from '../../../printer/index';
import { skipped } from '../../setup/prerequisites';
import { startPtyPair, type PtyPair } from './pty';

const RECEIPT = encodeEscPos(
  layoutReceipt({
    blocks: [
      { kind: 'item', name: '康师傅红烧牛肉面', qty: '1', unitPrice: '4.50', total: '4.50' },
      { kind: 'pair', left: '合计', right: '¥4.50' },
      { kind: 'qr', data: 'https://till.example/发票/1' },
      { kind: 'cut' },
    ],
  }),
);

async function failure(p: Promise<unknown>): Promise<PrinterError | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    if (e instanceof PrinterError) return e;
    throw e;
  }
}

// Without socat the run has already failed (tests/setup/global.ts), unless TILL_TEST_SKIP=socat.
describe.skipIf(skipped('socat'))('serial transport through a real pty pair at 9600 baud', () => {
  let pair: PtyPair;
  let printer: VirtualSerialPrinter;
  let t: Transport;

  beforeEach(async () => {
    pair = await startPtyPair();
    printer = await startVirtualSerialPrinter({
      path: pair.printer,
      baud: 9600,
      onDrop: () => pair.kill(),
    });
    t = openTransport(`serial:${pair.host}?baud=9600`, { timeoutMs: 1000 });
    await t.open();
  });
  afterEach(async () => {
    await t.close();
    await printer.close();
    await pair.stop();
  });

  it('prints a receipt confirmed by GS r 1', async () => {
    await expect(sendJob(t, RECEIPT, { confirmTimeoutMs: 5000 })).resolves.toEqual({
      confirmed: true,
      paperNearEnd: false,
    });
    expect(printer.jobs).toHaveLength(1);
    expect(printer.jobs[0]!.text).toContain('康师傅红烧牛肉面');
    expect(printer.jobs[0]!.text).toContain('￥4.50');
    expect(printer.jobs[0]!.qrCodes).toEqual(['https://till.example/发票/1']);
  });

  it.each([
    // Paper end stops the mechanism: GS r waits in the buffer, so nothing confirms the job.
    ['paper-end', 'NOT_CONFIRMED', '未收到'],
    ['cover-open', 'NOT_CONFIRMED', '未收到'],
    ['offline', 'NOT_CONFIRMED', '未收到'],
    ['hang', 'NOT_CONFIRMED', '未收到'],
    ['drop', 'DISCONNECTED', '断开'],
  ] as const)('fault %s: job not printed, %s with a Chinese message', async (fault, code, zh) => {
    printer.setFault(fault);
    const err = await failure(sendJob(t, RECEIPT, { confirmTimeoutMs: 600 }));
    expect(err?.code).toBe(code);
    expect(err?.messageZh).toContain(zh);
    expect(printer.jobs).toHaveLength(0);
  });

  it('reads live status for paper-end and cover-open over the line', async () => {
    printer.setFault('paper-end');
    expect(await queryStatus(t, 500)).toMatchObject({ online: false, paperEnd: true });
    printer.setFault('cover-open');
    expect(await queryStatus(t, 500)).toMatchObject({ coverOpen: true });
  });
});
