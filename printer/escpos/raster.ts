import { FS, GS } from './commands';

/** A 1-bit image: `pixels[y * width + x]` is 1 for black (one byte per pixel, for clarity). */
export interface MonoBitmap {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Printers lose or garble tall single blocks (escpos.md D8): send at most this many rows. */
export const MAX_BAND_ROWS = 255;

/** GS v 0 blocks, each ≤ MAX_BAND_ROWS rows, rows packed MSB-first, width padded to 8. */
export function rasterBands(img: MonoBitmap, bandRows = MAX_BAND_ROWS): number[][] {
  const xBytes = Math.ceil(img.width / 8);
  const bands: number[][] = [];
  for (let y0 = 0; y0 < img.height; y0 += bandRows) {
    const rows = Math.min(bandRows, img.height - y0);
    const band = [GS, 0x76, 0x30, 0, xBytes & 0xff, xBytes >> 8, rows & 0xff, rows >> 8];
    for (let y = y0; y < y0 + rows; y++) {
      for (let xb = 0; xb < xBytes; xb++) {
        let byte = 0;
        for (let bit = 0; bit < 8; bit++) {
          const x = xb * 8 + bit;
          if (x < img.width && img.pixels[y * img.width + x]) byte |= 0x80 >> bit;
        }
        band.push(byte);
      }
    }
    bands.push(band);
  }
  return bands;
}

/** GS ( L fn 69: print the NV graphic stored under key code kc1 kc2, at 1× scale. */
export const nvGraphic = (key: string): number[] => [
  ...[GS, 0x28, 0x4c, 6, 0, 0x30, 0x45],
  key.charCodeAt(0),
  key.charCodeAt(1),
  1,
  1,
];

/** FS p n m: legacy NV bit image n (1-based), normal size. */
export const nvBitImage = (n: number): number[] => [FS, 0x70, n & 0xff, 0];

/** Threshold an RGBA buffer (e.g. from pngjs) to a MonoBitmap; transparent pixels are white. */
export function bitmapFromRgba(
  width: number,
  height: number,
  rgba: Uint8Array,
  threshold = 128,
): MonoBitmap {
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    const [r = 255, g = 255, b = 255, a = 255] = rgba.subarray(i * 4, i * 4 + 4);
    const lum = (0.299 * r + 0.587 * g + 0.114 * b) * (a / 255) + 255 * (1 - a / 255);
    pixels[i] = lum < threshold ? 1 : 0;
  }
  return { width, height, pixels };
}
