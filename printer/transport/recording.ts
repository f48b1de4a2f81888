import { PrinterError } from '../errors';
import { concat } from '../escpos/stream';
import { ByteQueue } from './byte-queue';
import type { Transport } from './types';

export type RecordingTransport = Transport & { recording: Uint8Array[]; written(): Uint8Array };

/**
 * In-memory transport for tests: keeps every write; `replies` sees each write and may
 * return bytes for the "printer" to answer with (e.g. 0x12 for DLE EOT).
 */
export function createRecordingTransport(opts?: {
  replies?: (written: Uint8Array) => Uint8Array | undefined;
}): RecordingTransport {
  const queue = new ByteQueue();
  const recording: Uint8Array[] = [];
  let closed = false;
  return {
    uri: 'memory://recording',
    recording,
    written: () => concat(...recording),
    async open() {},
    async write(data) {
      if (closed) throw new PrinterError('DISCONNECTED', 'recording transport is closed');
      const copy = data.slice();
      recording.push(copy);
      const reply = opts?.replies?.(copy);
      if (reply) queue.push(reply);
    },
    read: (maxBytes, timeoutMs) => queue.read(maxBytes, timeoutMs),
    async close() {
      closed = true;
      queue.end(new PrinterError('DISCONNECTED', 'recording transport is closed'));
    },
  };
}
