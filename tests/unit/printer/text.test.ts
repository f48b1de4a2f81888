import { describe, expect, it } from 'vitest';
import { sanitizeText, textWidth } from '../../../printer/index';
import { wrapText } from '../../../printer/text/wrap';

describe('textWidth', () => {
  it('counts printable ASCII as 1 and Chinese-mode (GBK) glyphs as 2', () => {
    expect(textWidth('abc 123')).toBe(7);
    expect(textWidth('中文')).toBe(4);
    expect(textWidth('×')).toBe(2); // GBK A1C1: a double-width glyph in Chinese mode
    expect(textWidth('é')).toBe(2); // GBK A8A6
  });
  it('counts code-page symbols GBK lacks (¥ ½ ß) as 1: they print from PC437/WPC1252', () => {
    expect(textWidth('¥8.00')).toBe(5);
    expect(textWidth('½ß')).toBe(2);
  });
  it('counts an astral character (emoji, Ext-B) once, as 2 columns', () => {
    expect(textWidth('😀')).toBe(2);
    expect(textWidth('𠀀a')).toBe(3);
  });
});

describe('sanitizeText', () => {
  it('strips command bytes and keeps normal text', () => {
    expect(sanitizeText('可乐\x1bp\x00\x19\xfa')).toBe('可乐p\u00fa');
    expect(sanitizeText('a\x1d\x56\x42b\x10\x04\x01c\x1c\x2ed')).toBe('aVBbc.d');
    expect(sanitizeText('line\r\nnext\x7f\x85\u2028')).toBe('linenext');
    expect(sanitizeText('Coca-Cola 可口可乐 330ml ¥3.50')).toBe('Coca-Cola 可口可乐 330ml ¥3.50');
  });
  it('turns a tab into a space and drops bidi overrides and BOM', () => {
    expect(sanitizeText('a\tb\u202ec\ufeff')).toBe('a bc');
  });
  it('replaces lone surrogates with ? but keeps valid pairs', () => {
    expect(sanitizeText('x\ud800y\udc00z')).toBe('x?y?z');
    expect(sanitizeText('😀𠀀')).toBe('😀𠀀');
    expect(sanitizeText('\ud83d')).toBe('?');
  });
});

describe('wrapText', () => {
  it('wraps CJK by columns', () => {
    expect(wrapText('一二三四五', 4)).toEqual(['一二', '三四', '五']);
  });
  it('never splits a surrogate pair and never exceeds the width', () => {
    const lines = wrapText('a𠀀𠀀😀b😀', 5);
    expect(lines).toEqual(['a𠀀𠀀', '😀b😀']);
    for (const l of lines) expect(l).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
  it('keeps ASCII words whole when there is a space to break at', () => {
    expect(wrapText('Thank you for shopping', 12)).toEqual(['Thank you', 'for shopping']);
  });
  it('breaks a word longer than the line', () => {
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});
