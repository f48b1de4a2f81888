// ESC/POS byte builders. Names follow the Epson command reference.
export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const LF = 0x0a;

export const INIT = [ESC, 0x40]; // ESC @
export const CHINESE_ON = [FS, 0x26]; // FS &
export const CHINESE_OFF = [FS, 0x2e]; // FS .

export const bold = (on: boolean): number[] => [ESC, 0x45, on ? 1 : 0];
/** GS ! n: bits 0-3 height, 4-7 width (ntp swaps them, escpos.md D6); 0x11 = double both. */
export const charSize = (double: boolean): number[] => [GS, 0x21, double ? 0x11 : 0x00];
export const justify = (a: 0 | 1 | 2): number[] => [ESC, 0x61, a];
export const feedLines = (n: number): number[] => [ESC, 0x64, n & 0xff];
export const selectFont = (font: 'A' | 'B'): number[] => [ESC, 0x4d, font === 'B' ? 1 : 0];

/** ESC p m t1 t2 with both pulse bytes (ntp omits them, escpos.md D5): 50 ms on, 500 ms off. */
export const drawerKick = (pin: 2 | 5 = 2): number[] => [ESC, 0x70, pin === 2 ? 0 : 1, 0x19, 0xfa];
export const DRAWER_KICK = drawerKick(2);
/** DLE DC4 1 m t: the same pulse in real time (100 ms on/off), run even while offline. */
export const drawerPulseNow = (pin: 2 | 5 = 2): number[] => [DLE, 0x14, 0x01, pin === 2 ? 0 : 1, 1];
/** GS r 2: drawer pin 3, in buffer order, so its reply confirms an ESC p before it. */
export const DRAWER_STATUS_REQUEST = [GS, 0x72, 0x02];
/** GS P x y: motion units 1/x inch across, y = 0 keeps the default down the paper. */
export const motionUnits = (dpi: number): number[] => [GS, 0x50, dpi & 0xff, 0];
/** ESC $ nL nH: absolute position from the start of the line, in motion units (dots). */
export const absolutePosition = (dots: number): number[] => [ESC, 0x24, dots & 0xff, dots >> 8];
/** GS V 66 n: feed to the cutter plus n dots, then partial cut. */
export const CUT = [GS, 0x56, 0x42, 0x03];
/** GS r 1: paper sensor status, processed in order, so its reply confirms the job. */
export const PAPER_STATUS_REQUEST = [GS, 0x72, 0x01];
export const realtimeStatus = (n: 1 | 2 | 3 | 4): number[] => [DLE, 0x04, n];

/** GS ( k pL pH cn fn ...: pL/pH count the bytes after themselves. */
function qrFn(fn: number, params: ArrayLike<number>): number[] {
  const len = params.length + 2;
  return [GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, fn, ...Array.from(params)];
}

/** QR model 2, module size, level M, store (length from UTF-8 BYTES, escpos.md D4), print. */
export function qrCode(utf8: Uint8Array, moduleSize: number): number[] {
  return [
    ...qrFn(0x41, [0x32, 0x00]),
    ...qrFn(0x43, [moduleSize]),
    ...qrFn(0x45, [0x31]),
    ...qrFn(0x50, [0x30, ...utf8]),
    ...qrFn(0x51, [0x30]),
  ];
}

/** CODE128 via GS k 73 n, code set B; a literal '{' must be sent as '{{'. HRI below. */
export function code128(ascii: string, moduleWidth: number): number[] {
  const body = [0x7b, 0x42, ...Array.from(ascii.replace(/\{/g, '{{'), (c) => c.charCodeAt(0))];
  return [
    ...[GS, 0x68, 80], // GS h: 80 dots high
    ...[GS, 0x77, moduleWidth], // GS w
    ...[GS, 0x48, 0x02], // GS H: HRI below
    ...[GS, 0x66, 0x00], // GS f: HRI font A
    ...[GS, 0x6b, 73, body.length, ...body],
  ];
}
