export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperEnd: boolean;
  paperNearEnd: boolean;
  cutterError: boolean;
  unrecoverableError: boolean;
  /** Drawer connector pin 3 HIGH; which level means "open" depends on the drawer model. */
  drawerOpen?: boolean;
  /** Replies to DLE EOT 1, 2, 3, 4 in that order. */
  raw: number[];
}

/** A DLE EOT reply always has the fixed bits 0xx1xx10 (escpos.md §2.2). */
export const isRealtimeReply = (b: number): boolean => (b & 0x93) === 0x12;
/** GS r / ASB bytes 2-4 have the pattern 0xx0xxxx (§2.3, §2.4). */
export const isGsrReply = (b: number): boolean => (b & 0x90) === 0;

/** Bit maps of escpos.md §2.2 for the replies to DLE EOT 1..4. */
export function parseStatus(raw: [number, number, number, number]): PrinterStatus {
  const [printer, offline, error, paper] = raw;
  return {
    online: (printer & 0x08) === 0,
    coverOpen: (offline & 0x04) !== 0,
    paperEnd: (paper & 0x60) === 0x60 || (offline & 0x20) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
    cutterError: (error & 0x08) !== 0,
    unrecoverableError: (error & 0x20) !== 0,
    drawerOpen: (printer & 0x04) !== 0,
    raw: [...raw],
  };
}
