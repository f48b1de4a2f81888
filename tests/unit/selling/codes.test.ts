import { describe, expect, it } from 'vitest';
import { checkProductCode, gs1CheckDigit } from '../../../shared/selling/gtin';
import { splitQty } from '../../../shared/selling/qty';
import {
  makeScaleCode,
  parseScaleFormat,
  readScaleCode,
  valueVerifier,
} from '../../../shared/selling/scale';

describe('product codes', () => {
  it.each([
    ['6921000100009', true], // EAN-13 (the demo catalogue)
    ['6921000100008', false],
    ['96385074', true], // EAN-8, GS1's own example
    ['96385075', false],
    ['036000291452', true], // UPC-A
    ['036000291453', false],
    ['10614141000415', true], // GTIN-14
  ])('%s has a right check digit: %s', (code, ok) => {
    expect(checkProductCode(code).ok).toBe(ok);
    if (!ok) expect(checkProductCode(code)).toEqual({ ok: false, reason: 'check-digit' });
  });

  it('keeps a UPC-A as the EAN-13 a scanner in EAN mode sends', () => {
    expect(checkProductCode('036000291452')).toEqual({
      ok: true,
      kind: 'gtin',
      code: '0036000291452',
    });
    expect(checkProductCode('0036000291452')).toMatchObject({ ok: true, code: '0036000291452' });
  });

  it('takes short in-store codes without a check digit and refuses other lengths', () => {
    expect(checkProductCode('1001')).toEqual({ ok: true, kind: 'store', code: '1001' });
    expect(checkProductCode('123456789')).toEqual({ ok: false, reason: 'length' });
    expect(checkProductCode('69210001000x9')).toEqual({ ok: false, reason: 'not-digits' });
    expect(gs1CheckDigit('692100010000')).toBe(9);
  });

  it('reads 数量*条码 with *, x or ×, and leaves a plain code alone', () => {
    expect(splitQty('24*6921000100009')).toEqual({ qty: 24, code: '6921000100009' });
    expect(splitQty('3x6921000100009')).toEqual({ qty: 3, code: '6921000100009' });
    expect(splitQty('3×nfsq')).toEqual({ qty: 3, code: 'nfsq' });
    expect(splitQty('24*')).toEqual({ qty: 24, code: '' });
    expect(splitQty('6921000100009')).toBeNull();
    expect(splitQty('12345*6921000100009')).toBeNull(); // five digits: not a quantity
  });
});

describe('scale labels (称重码)', () => {
  it('checks the GS1 price/weight verifier against the specification examples', () => {
    expect(valueVerifier('2875')).toBe(9); // GS1 General Specifications §7.9.3, 4 digits
    expect(valueVerifier('14685')).toBe(6); // §7.9.3, 5 digits
  });

  it('reads a price label (大华/顶尖 2FPPPPPEEEEEC): PLU and price in fen', () => {
    const f = parseScaleFormat('2FPPPPPEEEEEC');
    const code = makeScaleCode(f, '12', 1234);
    expect(code).toMatch(/^20000120123\d\d$/);
    expect(readScaleCode(code, f)).toEqual({ ok: true, plu: '12', priceFen: 1234, weightG: null });
  });

  it('reads a weight label (2FPPPPPWWWWWC): PLU and grams', () => {
    const f = parseScaleFormat('2FPPPPPWWWWWC');
    const code = makeScaleCode(f, '7', 523);
    expect(readScaleCode(code, f)).toEqual({ ok: true, plu: '7', priceFen: null, weightG: 523 });
  });

  it('refuses a label whose check digit or price verifier is wrong', () => {
    const f = parseScaleFormat('2FPPPPPEEEEEC');
    const code = makeScaleCode(f, '12', 1234);
    const wrong = `${code.slice(0, 12)}${(Number(code[12]) + 1) % 10}`;
    expect(readScaleCode(wrong, f)).toEqual({ ok: false, reason: 'check-digit' });

    const v = parseScaleFormat('2FPPPPPVEEEEC'); // GS1: 4-digit price with its verifier
    const good = makeScaleCode(v, '345', 2875);
    expect(good.slice(7, 8)).toBe('9');
    expect(readScaleCode(good, v)).toMatchObject({ ok: true, plu: '345', priceFen: 2875 });
    // Verifier changed and the EAN check digit made right again: only the verifier catches it.
    const body = `${good.slice(0, 7)}4${good.slice(8, 12)}`;
    const forged = `${body}${gs1CheckDigit(body)}`;
    expect(readScaleCode(forged, v)).toEqual({ ok: false, reason: 'verifier' });
  });

  it.each([
    ['2FPPPPPEEEEE', /13 characters/],
    ['FFPPPPPEEEEEC', /prefix/],
    ['2FPPPPPEEWWWC', /not both/],
    ['2FPPPPPFFFFFC', /either price/],
    ['2FFFFFFEEEEEC', /no PLU/],
    ['2FPPEPPEEEEEC', /side by side/],
    ['2FPPPVEEEEEEC', /4 or 5/],
  ])('refuses the pattern %s', (pattern, why) => {
    expect(() => parseScaleFormat(pattern)).toThrow(why);
  });
});
