/** Width of one code point: printable ASCII is 1 column, everything else 2 (escpos.md §3). */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp >= 0x20 && cp <= 0x7e ? 1 : 2;
}

export function textWidth(s: string): number {
  let w = 0;
  // for..of walks code points, so a surrogate pair counts once (2 columns).
  for (const ch of s) w += charWidth(ch);
  return w;
}
