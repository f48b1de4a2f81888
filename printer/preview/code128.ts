/**
 * CODE128 bar/space widths (6 elements per symbol, stop has 7), values 0-105, from the
 * ISO/IEC 15417 table. Used to draw set-B barcodes in the preview so they scan.
 */
// prettier-ignore
const PATTERNS = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 ' +
  '122132 122231 113222 123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 ' +
  '321221 312212 322112 322211 212123 212321 232121 111323 131123 131321 112313 132113 132311 ' +
  '211313 231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 231131 213113 ' +
  '213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 111422 ' +
  '121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 ' +
  '241112 134111 111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 ' +
  '412121 111143 111341 131141 114113 114311 411113 411311 113141 114131 311141 411131 211412 ' +
  '211214 211232'
).split(' ');
const STOP = '2331112';
const START_B = 104;

/** Module widths, alternating bar/space starting with a bar, for `data` in code set B. */
export function code128Modules(data: string): number[] {
  const values = [START_B];
  for (const ch of data) values.push(Math.min(94, Math.max(0, (ch.codePointAt(0) ?? 63) - 32)));
  const check = values.reduce((sum, v, i) => sum + v * Math.max(1, i), 0) % 103;
  values.push(check);
  const widths = values.flatMap((v) => Array.from(PATTERNS[v] ?? '', Number));
  return [...widths, ...Array.from(STOP, Number)];
}
