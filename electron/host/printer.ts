import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  checkPrinterUri,
  openTransport,
  PrinterError,
  type PrinterPolicy,
  type Transport,
  type VirtualPrinter,
} from '../../printer';
import type { DemoKit } from './edition';

export interface HostPrinter {
  uri: string;
  /** Shown to the cashier and technician: what the till prints to. */
  label: string;
  /** Every open is checked against the allow-list again: a device path may change under us. */
  open: (uri: string) => Transport;
  /** Throws PrinterError REFUSED_ADDRESS for anything that is not a printer. */
  check: (uri: string) => void;
  virtual: VirtualPrinter | null;
}

/**
 * TILL_PRINTER unset → (dev and demo builds) a virtual ESC/POS printer on loopback takes the jobs
 * through the very same TCP path as a real one, and keeps each decoded job as text in
 * <dataDir>/virtual-printer/. A shop build has no virtual printer: it starts with none.
 */
export async function setUpPrinter(
  uri: string,
  dataDir: string,
  ports: readonly number[],
  demo: DemoKit | null,
): Promise<HostPrinter> {
  const virtual = uri === 'virtual' && demo ? await demo.startVirtualPrinter() : null;
  // The till's own virtual printer listens on a free loopback port: that one port is allowed too.
  const policy: PrinterPolicy = { tcpPorts: virtual ? [...ports, virtual.port] : ports };
  const check = (u: string) => checkPrinterUri(u, policy);
  // 'none' is refused at send time, so a till without a printer still sells and keeps print.txt.
  const open = (u: string): Transport => {
    if (u === 'none')
      throw new PrinterError('NOT_FOUND', 'no printer configured (TILL_PRINTER=none)');
    check(u);
    return openTransport(u);
  };
  if (!virtual) {
    const chosen = uri === 'virtual' ? 'none' : uri;
    return { uri: chosen, label: printerLabel(chosen, check), open, check, virtual: null };
  }
  const folder = join(dataDir, 'virtual-printer');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  let n = 0;
  virtual.onJob((job) => {
    n += 1;
    writeFileSync(join(folder, `job-${Date.now()}-${n}.txt`), job.text, { mode: 0o600 });
  });
  return { uri: virtual.uri, label: `虚拟打印机 virtual (${virtual.uri})`, open, check, virtual };
}

/**
 * A configured address the allow-list refuses (hand-edited settings, an old hostname) does not
 * stop the till: it sells and writes print.txt, each job fails with REFUSED_ADDRESS, and the
 * header says why.
 */
export function printerLabel(uri: string, check: (u: string) => void): string {
  if (uri === 'none') return '未配置打印机 (none)';
  try {
    check(uri);
    return uri;
  } catch {
    return `打印机地址被拒绝 refused: ${uri}`;
  }
}
