import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReceiptDoc } from '../../../electron/receipts/model';
import { layoutReceipt, PROFILES, renderText } from '../../../printer';
import { makeScaleCode } from '../../../shared/selling/scale';
import {
  COLA,
  FORMATS,
  PIN,
  PORK,
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

const approval = { userId: 'sup01', pin: PIN };
const audit = (action: string) =>
  rig.repos.audit
    .recent()
    .filter((a) => a.action === action)
    .map((a) => ({ subject: a.subject, ...(JSON.parse(a.detail ?? '{}') as object) }));

describe('discounts', () => {
  it('takes a line discount by percent and an order discount by amount into the totals', () => {
    rig.sales.scan(`10*${WATER}`); // 20.00
    const cola = rig.sales.scan(`3*${COLA}`).lines[1]!; // 10.50
    let sale = rig.adjust.discount({ lineNo: cola.lineNo, kind: 'percent', value: 10 }); // 九折
    expect(sale.lines[1]).toMatchObject({ grossFen: 1050, discountFen: 105, totalFen: 945 });
    // ¥2.50 off the order: under ¥20 and under 10 % of the goods, so no supervisor is needed.
    sale = rig.adjust.discount({ kind: 'amount', value: 250 });
    expect(sale).toMatchObject({
      subtotalFen: 3050,
      orderDiscountFen: 250,
      discountFen: 355,
      totalFen: 2695,
    });
    // The totals are stored with the order (what payments and reports use).
    expect(rig.repos.sales.get(sale.orderId)?.totalFen).toBe(2695);
    // A quantity change re-prices the percent discount with the line.
    sale = rig.sales.setQty(cola.lineNo, 4);
    expect(sale.lines[1]).toMatchObject({ grossFen: 1400, discountFen: 140, totalFen: 1260 });
    expect(sale.totalFen).toBe(2000 + 1260 - 250);
    // Value 0 takes a discount away.
    sale = rig.adjust.discount({ kind: 'amount', value: 0 });
    expect(sale).toMatchObject({ orderDiscount: null, orderDiscountFen: 0, totalFen: 3260 });
    expect(audit('sale.discount')).toHaveLength(3);
  });

  it('needs a supervisor above the limit, and says who approved', () => {
    const line = rig.sales.scan(`5*${COLA}`).lines[0]!; // 17.50
    expect(
      codeOf(() => rig.adjust.discount({ lineNo: line.lineNo, kind: 'percent', value: 20 })),
    ).toBe('APPROVAL_REQUIRED');
    expect(
      codeOf(() =>
        rig.adjust.discount({
          lineNo: line.lineNo,
          kind: 'percent',
          value: 20,
          approval: { userId: 'sup01', pin: '0000' },
        }),
      ),
    ).toBe('APPROVAL_DENIED');
    expect(rig.sales.current().discountFen).toBe(0); // refused: nothing changed
    const sale = rig.adjust.discount({ lineNo: line.lineNo, kind: 'percent', value: 20, approval });
    expect(sale.lines[0]).toMatchObject({ discountFen: 350, totalFen: 1400 });
    expect(audit('sale.discount')[0]).toMatchObject({
      value: 20,
      discountFen: 350,
      approvedBy: 'sup01',
    });
    // An amount above discountFen (¥20) or above 10 % of the goods needs approval too.
    expect(codeOf(() => rig.adjust.discount({ kind: 'amount', value: 200 }))).toBe(
      'APPROVAL_REQUIRED',
    );
    expect(rig.adjust.discount({ kind: 'amount', value: 100 }).orderDiscountFen).toBe(100);
  });

  it('refuses a discount larger than the goods, and any change while paying', () => {
    rig.sales.scan(WATER);
    expect(codeOf(() => rig.adjust.discount({ kind: 'amount', value: 201, approval }))).toBe(
      'DISCOUNT_TOO_MUCH',
    );
    const sale = rig.sales.current();
    rig.repos.sales.setStatus(sale.orderId, 'PAYING', '2026-11-25T10:00:00Z');
    expect(codeOf(() => rig.adjust.discount({ kind: 'percent', value: 5 }))).toBe('SALE_LOCKED');
    expect(codeOf(() => rig.adjust.openPrice({ priceFen: 100 }))).toBe('SALE_LOCKED');
  });
});

describe('open-price goods (无码商品)', () => {
  it('adds a line at the keyed price; above the limit only with a supervisor', () => {
    let sale = rig.adjust.openPrice({ priceFen: 1500, qty: 2 });
    expect(sale.lines[0]).toMatchObject({ kind: 'open', name: '无码商品', qty: 2, totalFen: 3000 });
    expect(codeOf(() => rig.adjust.openPrice({ name: '散装糖果', priceFen: 25_000 }))).toBe(
      'APPROVAL_REQUIRED',
    );
    sale = rig.adjust.openPrice({ name: '散装糖果', priceFen: 25_000, approval });
    expect(sale.lines[1]).toMatchObject({ name: '散装糖果', totalFen: 25_000 });
    expect(audit('sale.openPrice')[0]).toMatchObject({ name: '散装糖果', approvedBy: 'sup01' });
    expect(codeOf(() => rig.adjust.openPrice({ priceFen: 100, qty: 31 }))).toBe('QTY_LIMIT');
  });
});

describe('discounts on paper and in reports', () => {
  it('prints weight, unit price and every discount, and counts them for the shift report', async () => {
    rig.sales.scan(makeScaleCode(FORMATS[1]!, PORK.plu, 523));
    const water = rig.sales.scan(`10*${WATER}`).lines[1]!;
    rig.adjust.discount({ lineNo: water.lineNo, kind: 'percent', value: 10 });
    const sale = rig.adjust.discount({ kind: 'amount', value: 49 });
    expect(sale.totalFen).toBe(1349 + 1800 - 49);
    const cash = rig.engine.startCash(sale, 5000);
    expect(cash.state).toBe('PAID');
    const paid = rig.repos.sales.get(sale.orderId)!;
    const doc = buildReceiptDoc({
      storeName: '测试店',
      cashier: '王芳',
      tillNo: '01',
      sale: paid,
      payments: rig.repos.payments.byOrder(sale.orderId),
      printedAt: '2026-11-25 10:00:00',
    });
    const text = renderText(layoutReceipt(doc, PROFILES['80mm']!));
    // Weight, unit price and amount on one line, under the name (paper shows them side by side).
    expect(text).toMatch(/0\.523kg 25\.80\/千克\s+13\.49\n/);
    expect(text).toMatch(/折扣 9折\s+-2\.00/);
    expect(text).toMatch(/商品金额\s+33\.49/);
    expect(text).toMatch(/整单折扣 优惠\s+-0\.49/);
    expect(text).toMatch(/优惠合计\s+-2\.49/);
    // ¥ goes on paper as the full-width ￥ every Chinese printer font holds (printer/text).
    expect(text).toMatch(/合计\s+￥31\.00\n/);

    const totals = rig.repos.discounts.totals('2026-01-01', '2027-01-01');
    expect(totals).toEqual({
      orders: 1,
      subtotalFen: 3349,
      lineDiscountFen: 200,
      orderDiscountFen: 49,
      discountFen: 249,
      totalFen: 3100,
      discountedOrders: 1,
    });
  });
});
