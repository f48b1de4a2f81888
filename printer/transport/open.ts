import { PrinterError } from '../errors';
import { TcpTransport } from './tcp';
import type { Transport } from './types';

export interface TransportOptions {
  /** Connect timeout (ms); reads and confirmations take their own timeouts. */
  timeoutMs?: number;
}

type Factory = (url: URL, uri: string, opts: Required<TransportOptions>) => Transport;

/**
 * One factory per URI scheme. serial:, usb: and file: are planned (DESIGN.md
 * "Configuration"); each becomes one more entry here with its own module.
 */
const FACTORIES: Record<string, Factory> = {
  'tcp:': (url, uri, opts) => {
    if (!url.hostname) throw new PrinterError('UNSUPPORTED_URI', `no host in printer URI ${uri}`);
    const port = url.port === '' ? 9100 : Number(url.port);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1'); // URL keeps IPv6 brackets
    return new TcpTransport(uri, host, port, opts.timeoutMs);
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
      `printer URI scheme ${url.protocol} is not supported yet`,
    );
  }
  return factory(url, uri, { timeoutMs: opts?.timeoutMs ?? 3000 });
}
