/**
 * Removes everything that could reach the printer as a command or an invisible glyph:
 * C0 (incl. ESC, GS, DLE, FS, NUL, CR, LF), DEL, C1, line/paragraph separators, bidi
 * controls and BOM. Tabs become a space. A lone surrogate becomes '?', which is what the
 * GB18030 encoder would print for it anyway, so text width and paper stay in step.
 */
export function sanitizeText(s: string): string {
  if (isClean(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += s[i] + (s[i + 1] ?? '');
        i++;
      } else {
        out += '?';
      }
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      out += '?';
      continue;
    }
    if (c === 0x09) {
      out += ' ';
      continue;
    }
    if (isStripped(c)) continue;
    out += s[i];
  }
  return out;
}

/** Most text needs nothing: say so without building a copy. */
function isClean(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) continue;
    if (c === 0x09 || (c >= 0xd800 && c <= 0xdfff) || isStripped(c)) return false;
  }
  return true;
}

function isStripped(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x2028 ||
    c === 0x2029 ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff
  );
}
