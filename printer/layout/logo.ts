import type { DocBlock, LaidLine, LogoSource } from '../types';

/** Largest raster we send: about 30 cm of paper at 203 dpi; beyond that it is a mistake. */
export const LOGO_MAX_ROWS = 2400;

/** Checks a logo block against the paper, refusing what the printer would garble. */
export function layoutLogo(block: Extract<DocBlock, { kind: 'logo' }>, dots: number): LaidLine {
  let source: LogoSource;
  if ('bitmap' in block) {
    const { width, height, pixels } = block.bitmap;
    if (!Number.isInteger(width) || width < 1 || width > dots) {
      throw new RangeError(`logo width must be 1..${dots} dots, got ${width}`);
    }
    if (!Number.isInteger(height) || height < 1 || height > LOGO_MAX_ROWS) {
      throw new RangeError(`logo height must be 1..${LOGO_MAX_ROWS} rows, got ${height}`);
    }
    if (pixels.length !== width * height) throw new RangeError('logo pixels ≠ width × height');
    source = { bitmap: block.bitmap };
  } else if ('nvKey' in block) {
    if (!/^[\x20-\x7e]{2}$/.test(block.nvKey)) {
      throw new RangeError('NV logo key must be 2 printable ASCII characters');
    }
    source = { nvKey: block.nvKey };
  } else {
    if (!Number.isInteger(block.nvImage) || block.nvImage < 1 || block.nvImage > 255) {
      throw new RangeError('NV image number must be 1..255');
    }
    source = { nvImage: block.nvImage };
  }
  return { kind: 'logo', source };
}
