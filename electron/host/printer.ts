import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  openTransport,
  PrinterError,
  startVirtualPrinter,
  type Transport,
  type VirtualPrinter,
} from '../../printer';

export interface HostPrinter {
  uri: string;
  /** Shown to the cashier and technician: what the till prints to. */
  label: string;
  open: (uri: string) => Transport;
  virtual: VirtualPrinter | null;
}

/**
 * TILL_PRINTER unset → a virtual ESC/POS printer on loopback takes the jobs through the very same
 * TCP path as a real one, and keeps each decoded job as text in <dataDir>/virtual-printer/.
 */
export async function setUpPrinter(uri: string, dataDir: string): Promise<HostPrinter> {
  // 'none' is refused at send time, so a till without a printer still sells and keeps print.txt.
  const open = (u: string): Transport => {
    if (u === 'none')
      throw new PrinterError('NOT_FOUND', 'no printer configured (TILL_PRINTER=none)');
    return openTransport(u);
  };
  if (uri !== 'virtual')
    return { uri, label: uri === 'none' ? '未配置打印机 (none)' : uri, open, virtual: null };
  const virtual = await startVirtualPrinter({ host: '127.0.0.1', port: 0 });
  const folder = join(dataDir, 'virtual-printer');
  mkdirSync(folder, { recursive: true });
  let n = 0;
  virtual.onJob((job) => {
    n += 1;
    writeFileSync(join(folder, `job-${Date.now()}-${n}.txt`), job.text);
  });
  return { uri: virtual.uri, label: `虚拟打印机 virtual (${virtual.uri})`, open, virtual };
}
