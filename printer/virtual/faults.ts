/**
 * The printer's physical condition. 'none' prints; 'paper-end', 'cover-open' and 'offline' stop
 * the mechanism (the buffer waits, real-time commands are still answered); 'hang' is a printer
 * that answers nothing and drops what it gets; 'drop' closes the link on the next byte.
 */
export type Fault = 'none' | 'paper-end' | 'cover-open' | 'offline' | 'hang' | 'drop';

/** What GS r 1 answers, when a test makes it disagree with DLE EOT ('silent': no answer). */
export type GsrReport = 'ok' | 'paper-end' | 'silent';

const OK = 0x12;

/**
 * DLE EOT 1..4 replies per fault (escpos.md §2.2). A real printer answers DLE EOT even
 * when offline, so 'offline' answers with the offline bit; only 'hang' stays silent.
 */
const REALTIME: Record<Exclude<Fault, 'hang' | 'drop'>, [number, number, number, number]> = {
  none: [OK, OK, OK, OK],
  // Paper end stops printing: offline (n1 bit 3), stopped by paper end (n2 bit 5), 0x72.
  'paper-end': [0x1a, 0x32, OK, 0x72],
  'cover-open': [0x1a, 0x16, OK, OK],
  // Offline and waiting for online recovery (n1 bits 3 and 5).
  offline: [0x3a, OK, OK, OK],
};

/** Reply to DLE EOT n, or undefined for silence. `drawerHigh` sets n=1 bit 2 (pin 3). */
export function realtimeReply(fault: Fault, n: number, drawerHigh = false): number | undefined {
  if (fault === 'hang' || fault === 'drop') return undefined;
  const reply = REALTIME[fault][n - 1];
  if (reply === undefined) return undefined;
  return n === 1 && drawerHigh ? reply | 0x04 : reply;
}

/** Stopped: the mechanism does not work through the buffer until the condition clears. */
export const isStopped = (f: Fault): boolean =>
  f === 'paper-end' || f === 'cover-open' || f === 'offline' || f === 'hang';

/** GS r n, processed in buffer order: n=1 paper sensor (0x0c = paper end), n=2 drawer pin 3. */
export function gsrReply(n: number, report: GsrReport, drawerHigh: boolean): number | undefined {
  if (report === 'silent') return undefined;
  if (n === 2 || n === 0x32) return drawerHigh ? 0x01 : 0x00;
  return report === 'paper-end' ? 0x0c : 0x00;
}
