import { cpWidth, textWidth } from './width';

/**
 * Splits text into lines of at most `width` columns, by code point (a surrogate pair is
 * never split). Prefers breaking at a space when that keeps an ASCII word whole.
 */
export function wrapText(text: string, width: number): string[] {
  if (width < 2) throw new RangeError(`wrap width ${width} is too small`);
  if (text.length <= width && textWidth(text) <= width) return [text]; // fits: nothing to do
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of text) {
    const cw = cpWidth(ch.codePointAt(0) ?? 0);
    if (w + cw > width) {
      const cut = wordBreak(line, ch);
      lines.push(cut.head);
      line = cut.tail;
      w = textWidth(line);
      if (ch === ' ' && line === '') continue; // a space at a break is dropped, not printed
    }
    line += ch;
    w += cw;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

// Move a half-written ASCII word to the next line if there is a space to break at.
function wordBreak(line: string, next: string): { head: string; tail: string } {
  if (!/^[!-~]$/.test(next)) return { head: line, tail: '' };
  const m = /^(.*\S) +([!-~]+)$/u.exec(line);
  if (!m || m[1] === undefined || m[2] === undefined) return { head: line, tail: '' };
  return { head: m[1], tail: m[2] };
}

export type Align = 'left' | 'center' | 'right';

/** Pads `text` (already ≤ width) to exactly the alignment wanted; trailing spaces are kept off. */
export function align(text: string, width: number, how: Align): string {
  if (how === 'left') return text;
  const gap = Math.max(0, width - textWidth(text));
  if (gap === 0) return text;
  if (how === 'right') return ' '.repeat(gap) + text;
  return ' '.repeat(Math.floor(gap / 2)) + text;
}

/** Left text and right text on one line of `width`, right flush to the edge. */
export function spread(left: string, right: string, width: number): string {
  const gap = Math.max(1, width - textWidth(left) - textWidth(right));
  return left + ' '.repeat(gap) + right;
}
