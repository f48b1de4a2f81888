import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { readStatus } from '../../../electron/services/printerView';
import { openTransport, startVirtualPrinter } from '../../../printer';

const closedPort = () =>
  new Promise<number>((done) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

describe('technician status view', () => {
  it('reads a live printer into words, and says where to look when a network printer refuses', async () => {
    const printer = await startVirtualPrinter();
    printer.setFault('paper-end');
    const live = await readStatus(() => openTransport(printer.uri), 'now', 500);
    expect(live).toMatchObject({ known: true, paperEnd: true, errorCode: null });
    expect(live.words.join(' ')).toMatch(/缺纸 paper end/);
    await printer.close();

    const port = await closedPort();
    const down = await readStatus(
      () => openTransport(`tcp://127.0.0.1:${port}`, { timeoutMs: 300 }),
      'now',
      300,
    );
    expect(down).toMatchObject({ known: false, errorCode: 'CONNECTION_REFUSED', online: null });
    expect(down.reasonZh).toMatch(/拒绝连接/);
    expect(down.hint).toMatch(/9100/);
  });
});
