import { describe, expect, it } from 'vitest';
import { discountOff, mulDivRound, priceSale, weighedFen } from '../../../shared/selling/pricing';

describe('pricing in integer fen', () => {
  it('rounds half up (四舍五入) without floats', () => {
    expect(mulDivRound(1, 1, 2)).toBe(1); // 0.5 → 1
    expect(mulDivRound(1, 1, 3)).toBe(0); // 0.33 → 0
    expect(mulDivRound(2, 1, 3)).toBe(1); // 0.67 → 1
    expect(mulDivRound(99_999_999, 99_999, 1000)).toBe(9_999_899_900); // 9,999,899,900.001: no precision lost
  });

  it('prices weighed goods by the kilogram or by the 斤', () => {
    expect(weighedFen(1280, 523, 1000)).toBe(669); // ¥12.80/kg × 0.523 kg = 6.6944 → 6.69
    expect(weighedFen(1280, 525, 1000)).toBe(672); // 6.72
    expect(weighedFen(1999, 250, 1000)).toBe(500); // 4.9975 → 5.00 (half up)
    expect(weighedFen(640, 523, 500)).toBe(669); // ¥6.40/斤 is ¥12.80/kg
  });

  it('rounds a percent discount on what is paid: paid = round(base × (100 − p) %)', () => {
    expect(discountOff(999, { kind: 'percent', value: 15 })).toBe(150); // pays 849.15 → 849
    expect(discountOff(5, { kind: 'percent', value: 50 })).toBe(2); // pays 2.5 → 3
    expect(discountOff(1000, { kind: 'percent', value: 10 })).toBe(100);
    expect(discountOff(1000, { kind: 'percent', value: 100 })).toBe(1000);
    expect(discountOff(1000, { kind: 'percent', value: 0 })).toBe(0);
  });

  it('never takes off more than there is', () => {
    expect(discountOff(300, { kind: 'amount', value: 500 })).toBe(300);
    expect(discountOff(0, { kind: 'percent', value: 10 })).toBe(0);
  });

  it('applies line discounts, then the order discount on what is left', () => {
    const p = priceSale(
      [
        { qty: 3, unitPriceFen: 350, fixedFen: null, discount: { kind: 'amount', value: 50 } },
        { qty: 1, unitPriceFen: 1280, fixedFen: 669, discount: null }, // weighed
        { qty: 2, unitPriceFen: 999, fixedFen: null, discount: { kind: 'percent', value: 15 } },
      ],
      { kind: 'percent', value: 10 },
    );
    expect(p.lines).toEqual([
      { grossFen: 1050, discountFen: 50, totalFen: 1000 },
      { grossFen: 669, discountFen: 0, totalFen: 669 },
      { grossFen: 1998, discountFen: 300, totalFen: 1698 }, // 1998 × 85% = 1698.3 → 1698
    ]);
    expect(p.subtotalFen).toBe(3717);
    expect(p.orderDiscountFen).toBe(337); // 3367 × 90% = 3030.3 → 3030
    expect(p.discountFen).toBe(50 + 300 + 337);
    expect(p.totalFen).toBe(3030);
    expect(p.totalFen).toBe(p.subtotalFen - p.discountFen);
  });
});
