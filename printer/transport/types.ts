/**
 * A byte pipe to a printer. `read` resolves with 1..maxBytes bytes as soon as any are
 * available; it rejects with PrinterError TIMEOUT when none arrive within timeoutMs (0 =
 * only what is already buffered) and DISCONNECTED once the link is gone and drained.
 * A transport can be opened again after close() or after the link dropped.
 */
export interface Transport {
  readonly uri: string;
  /**
   * false for write-only links (file:/dev/usb/lp0, a unidirectional USB printer): status
   * is then "unknown" and a job cannot be confirmed. Absent means readable.
   */
  readonly canRead?: boolean;
  open(): Promise<void>;
  write(data: Uint8Array): Promise<void>;
  read(maxBytes: number, timeoutMs: number): Promise<Uint8Array>;
  close(): Promise<void>;
}
