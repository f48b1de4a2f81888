export type Fault = 'none' | 'paper-end' | 'cover-open' | 'offline' | 'hang' | 'drop';

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

/** Reply to DLE EOT n, or undefined for silence. */
export function realtimeReply(fault: Fault, n: number): number | undefined {
  if (fault === 'hang' || fault === 'drop') return undefined;
  return REALTIME[fault][n - 1];
}

/** Reply to GS r n (n = 1 paper, 2 drawer), or undefined when the job does not complete. */
export function gsrReply(fault: Fault): number | undefined {
  if (fault === 'none') return 0x00;
  if (fault === 'paper-end') return 0x0c;
  return undefined;
}
