import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeScaleCode } from '../../../shared/selling/scale';
import { gs1CheckDigit } from '../../../shared/selling/gtin';
import {
  COLA,
  DELI,
  FORMATS,
  GREENS,
  PORK,
  UPC_A,
  WATER,
  codeOf,
  sellingRig,
  type SellingRig,
} from '../../helpers/sellingRig';

let rig: SellingRig;
beforeEach(async () => {
  rig = await sellingRig();
});
afterEach(() => rig.close());

const [PRICE, WEIGHT] = FORMATS as [(typeof FORMATS)[0], (typeof FORMATS)[0]];

describe('quantities', () => {
  it('takes 数量*条码, a quantity key before the scan, and a typed quantity on a line', () => {
    let sale = rig.sales.scan(`24*${WATER}`);
    expect(sale.lines).toMatchObject([{ barcode: WATER, qty: 24, totalFen: 4800 }]);
    sale = rig.sales.scan(COLA, 3); // the quantity key, then the scan
    expect(sale.lines[1]).toMatchObject({ barcode: COLA, qty: 3, totalFen: 1050 });
    sale = rig.sales.setQty(sale.lines[1]!.lineNo, 7);
    expect(sale.lines[1]).toMatchObject({ qty: 7, totalFen: 2450 });
    expect(sale.totalFen).toBe(4800 + 2450);
    expect(sale.itemCount).toBe(31);
    expect(codeOf(() => rig.sales.scan(`2*${WATER}`, 3))).toBe('BAD_REQUEST');
  });

  it('holds every way of adding to its limits: repeated scans cannot walk past them', () => {
    rig.sales.scan(`28*${WATER}`);
    rig.sales.scan(WATER);
    rig.sales.scan(WATER); // 30: the limit (rig: lineQty 30)
    expect(codeOf(() => rig.sales.scan(WATER))).toBe('QTY_LIMIT');
    expect(codeOf(() => rig.sales.scan(COLA, 31))).toBe('QTY_LIMIT');
    const sale = rig.sales.current();
    expect(sale.lines).toMatchObject([{ barcode: WATER, qty: 30 }]);
    expect(codeOf(() => rig.sales.setQty(sale.lines[0]!.lineNo, 31))).toBe('QTY_LIMIT');
    expect(rig.sales.current().lines[0]?.qty).toBe(30);
  });

  it('refuses a sale over its line count or its amount', async () => {
    const small = await sellingRig({ saleLines: 2, saleFen: 1000 });
    try {
      small.sales.scan(WATER);
      small.sales.scan(COLA);
      expect(codeOf(() => small.sales.scan(makeScaleCode(PRICE, DELI.plu, 100)))).toBe(
        'SALE_LIMIT',
      );
      expect(codeOf(() => small.sales.scan(`3*${WATER}`))).toBe('SALE_LIMIT'); // 550 + 600 > 1000
      expect(small.sales.current().totalFen).toBe(550);
    } finally {
      await small.close();
    }
  });

  it('tells a wrong check digit from an unknown code, and never adds either', () => {
    expect(
      codeOf(() =>
        rig.sales.scan(`${WATER.slice(0, 12)}${(gs1CheckDigit(WATER.slice(0, 12)) + 1) % 10}`),
      ),
    ).toBe('BAD_CHECK_DIGIT');
    const unknown = `690000000001${gs1CheckDigit('690000000001')}`;
    expect(codeOf(() => rig.sales.scan(unknown))).toBe('UNKNOWN_BARCODE');
    expect(codeOf(() => rig.sales.scan('12345678901'))).toBe('BAD_BARCODE');
    expect(rig.sales.current().lines).toEqual([]);
  });

  it('finds a UPC-A scanned either as 12 digits or as EAN-13, on one line', () => {
    rig.sales.scan(UPC_A);
    const sale = rig.sales.scan(`0${UPC_A}`);
    expect(sale.lines).toMatchObject([{ barcode: `0${UPC_A}`, qty: 2 }]);
  });
});

describe('weighed goods (称重码)', () => {
  it('prices a weight label by the product price per 千克, and shows the weight', () => {
    const code = makeScaleCode(WEIGHT, PORK.plu, 523);
    const sale = rig.sales.scan(code);
    expect(sale.lines).toMatchObject([
      {
        kind: 'weighed',
        barcode: code,
        name: '五花肉',
        qty: 1,
        unit: '千克',
        unitPriceFen: 2580,
        weightG: 523,
        weightDerived: false,
        totalFen: 1349, // 25.80 × 0.523 = 13.4934
      },
    ]);
  });

  it('prices by the 斤 too', () => {
    const sale = rig.sales.scan(makeScaleCode(WEIGHT, GREENS.plu, 750));
    expect(sale.lines[0]).toMatchObject({ weightG: 750, totalFen: 599 }); // 3.99 × 1.5 斤 = 5.985
  });

  it('takes the price from a price label and works the weight out again from it', () => {
    const code = makeScaleCode(PRICE, PORK.plu, 1349);
    expect(rig.sales.scan(code).lines[0]).toMatchObject({
      totalFen: 1349,
      weightG: 523, // 1349 / 2580 × 1000 = 522.9 g
      weightDerived: true,
    });
    const deli = rig.sales.scan(makeScaleCode(PRICE, DELI.plu, 1620)).lines[1];
    expect(deli).toMatchObject({ kind: 'weighed', totalFen: 1620, weightG: null, unit: '份' });
  });

  it('gives every label its own line and refuses to change a weighed quantity', () => {
    const code = makeScaleCode(WEIGHT, PORK.plu, 500);
    rig.sales.scan(code);
    const sale = rig.sales.scan(makeScaleCode(WEIGHT, PORK.plu, 700));
    expect(sale.lines.map((l) => l.weightG)).toEqual([500, 700]);
    expect(codeOf(() => rig.sales.setQty(sale.lines[0]!.lineNo, 2))).toBe('WEIGHED_QTY');
    expect(codeOf(() => rig.sales.scan(`2*${code}`))).toBe('WEIGHED_QTY');
    expect(rig.sales.setQty(sale.lines[0]!.lineNo, 0).lines).toHaveLength(1); // removing is fine
  });

  it('refuses an unknown PLU, a weight label for goods sold by the piece, and a zero', () => {
    expect(codeOf(() => rig.sales.scan(makeScaleCode(WEIGHT, '999', 500)))).toBe('UNKNOWN_PLU');
    expect(codeOf(() => rig.sales.scan(makeScaleCode(WEIGHT, DELI.plu, 500)))).toBe('NOT_WEIGHED');
    expect(codeOf(() => rig.sales.scan(makeScaleCode(PRICE, PORK.plu, 0)))).toBe('BAD_SCALE_CODE');
    expect(rig.sales.current().lines).toEqual([]);
  });
});
