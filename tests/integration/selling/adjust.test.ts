import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReceiptDoc } from '../../../electron/receipts/model';
import { layoutReceipt, PROFILES, renderText } from '../../../printer';
import { makeScaleCode } from '../../../shared/selling/scale';
import { LOCK_MS, MAX_WRONG_PINS } from '../../../electron/auth/staff';
import {
  APPROVAL,
  COLA,
  FORMATS,
  OTHER_CASHIER,
  PORK,
  SUPERVISOR,
  WATER,
  codeOf,
  refusalOf,
  sellingRig,
  type SellingRig,
} from '../../helpers/sellingRig';

let rig: SellingRig;
beforeEach(async () => {
  rig = await sellingRig();
});
afterEach(() => rig.close());

const audit = (action: string) =>
  rig.repos.audit
    .recent()
    .filter((a) => a.action === action)
    .map((a) => ({ subject: a.subject, ...(JSON.parse(a.detail ?? '{}') as object) }));
/** Who the audit log's own column names as approver of the last row of an action. */
const approverColumn = (action: string) =>
  rig.repos.db
    .prepare('SELECT actor, approver FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1')
    .get(action);
/** FORBIDDEN naming a supervisor's approval: what the till's dialog asks for. */
const NEEDS_APPROVAL = {
  code: 'FORBIDDEN',
  need: { roles: ['supervisor'], approval: true, signIn: false },
};

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

  it('needs a supervisor above the limit, and says who approved', async () => {
    const line = rig.sales.scan(`5*${COLA}`).lines[0]!; // 17.50
    const over = { lineNo: line.lineNo, kind: 'percent', value: 20 } as const;
    expect(await refusalOf(() => rig.adjust.discount(over))).toMatchObject(NEEDS_APPROVAL);
    // The wrong PIN is refused by the staff check (electron/auth/staff.ts), before the service.
    const wrong = { userId: SUPERVISOR.userId, pin: '0000' };
    const call = (approval = APPROVAL) =>
      rig.call('sale.discount', () => rig.adjust.discount(over), approval);
    expect(await refusalOf(() => call(wrong))).toMatchObject({ code: 'BAD_PIN', field: 'pin' });
    // Another cashier's PIN approves nothing.
    const cashier = { userId: OTHER_CASHIER.userId, pin: OTHER_CASHIER.pin };
    expect(await refusalOf(() => call(cashier))).toMatchObject({ code: 'NOT_SUPERVISOR' });
    expect(rig.sales.current().discountFen).toBe(0); // refused: nothing changed
    expect(audit('sale.discount')).toEqual([]);
    const sale = await call();
    expect(sale.lines[0]).toMatchObject({ discountFen: 350, totalFen: 1400 });
    expect(audit('sale.discount')[0]).toMatchObject({
      value: 20,
      discountFen: 350,
      approvedBy: SUPERVISOR.userId,
    });
    expect(approverColumn('sale.discount')).toEqual({ actor: '1001', approver: SUPERVISOR.userId });
    // An amount above discountFen (¥20) or above 10 % of the goods needs approval too.
    expect(
      await refusalOf(() => rig.adjust.discount({ kind: 'amount', value: 200 })),
    ).toMatchObject(NEEDS_APPROVAL);
    expect(rig.adjust.discount({ kind: 'amount', value: 100 }).orderDiscountFen).toBe(100);
    expect(audit('sale.discount')[0]).toMatchObject({ value: 100, approvedBy: null });
  });

  it("locks the supervisor's PIN after repeated wrong approvals; nothing changes meanwhile", async () => {
    const line = rig.sales.scan(`5*${COLA}`).lines[0]!;
    const over = { lineNo: line.lineNo, kind: 'percent', value: 30 } as const;
    const call = (pin: string) =>
      rig.call('sale.discount', () => rig.adjust.discount(over), {
        userId: SUPERVISOR.userId,
        pin,
      });
    for (let i = 1; i < MAX_WRONG_PINS; i++)
      expect(await refusalOf(() => call('0000'))).toMatchObject({ code: 'BAD_PIN' });
    expect(await refusalOf(() => call('0000'))).toMatchObject({ code: 'LOCKED' });
    // Locked: even the right PIN is refused until the lock runs out.
    expect(await refusalOf(() => call(SUPERVISOR.pin))).toMatchObject({ code: 'LOCKED' });
    expect(rig.sales.current().discountFen).toBe(0);
    expect(audit('sale.discount')).toEqual([]);
    expect(rig.repos.audit.recent().filter((a) => a.action === 'auth.lock')).toHaveLength(1);
    rig.clock.advance(LOCK_MS + 1_000);
    expect((await call(SUPERVISOR.pin)).lines[0]).toMatchObject({ discountFen: 525 });
  });

  it('lets a signed-in supervisor go over the limit alone, recorded as the approver', async () => {
    const line = rig.sales.scan(`5*${COLA}`).lines[0]!;
    await rig.signIn(SUPERVISOR);
    const sale = rig.adjust.discount({ lineNo: line.lineNo, kind: 'percent', value: 50 });
    expect(sale.lines[0]).toMatchObject({ discountFen: 875 });
    expect(audit('sale.discount')[0]).toMatchObject({ approvedBy: SUPERVISOR.userId });
    expect(approverColumn('sale.discount')).toEqual({ actor: SUPERVISOR.userId, approver: null });
  });

  it('refuses a discount larger than the goods, and any change while paying', async () => {
    rig.sales.scan(WATER);
    expect(
      await refusalOf(() =>
        rig.call(
          'sale.discount',
          () => rig.adjust.discount({ kind: 'amount', value: 201 }),
          APPROVAL,
        ),
      ),
    ).toMatchObject({ code: 'DISCOUNT_TOO_MUCH' });
    const sale = rig.sales.current();
    rig.repos.sales.setStatus(sale.orderId, 'PAYING', '2026-11-25T10:00:00Z');
    expect(codeOf(() => rig.adjust.discount({ kind: 'percent', value: 5 }))).toBe('SALE_LOCKED');
    expect(codeOf(() => rig.adjust.openPrice({ priceFen: 100 }))).toBe('SALE_LOCKED');
  });
});

describe('open-price goods (无码商品)', () => {
  it('adds a line at the keyed price; above the limit only with a supervisor', async () => {
    let sale = rig.adjust.openPrice({ priceFen: 1500, qty: 2 });
    expect(sale.lines[0]).toMatchObject({ kind: 'open', name: '无码商品', qty: 2, totalFen: 3000 });
    expect(audit('sale.openPrice')[0]).toMatchObject({ approvedBy: null });
    const candy = () => rig.adjust.openPrice({ name: '散装糖果', priceFen: 25_000 });
    expect(await refusalOf(candy)).toMatchObject(NEEDS_APPROVAL);
    const wrong = { userId: SUPERVISOR.userId, pin: '0000' };
    expect(await refusalOf(() => rig.call('sale.openPrice', candy, wrong))).toMatchObject({
      code: 'BAD_PIN',
    });
    expect(rig.sales.current().lines).toHaveLength(1); // refused: nothing added
    sale = await rig.call('sale.openPrice', candy, APPROVAL);
    expect(sale.lines[1]).toMatchObject({ name: '散装糖果', totalFen: 25_000 });
    expect(audit('sale.openPrice')[0]).toMatchObject({
      name: '散装糖果',
      approvedBy: SUPERVISOR.userId,
    });
    expect(approverColumn('sale.openPrice')).toEqual({
      actor: '1001',
      approver: SUPERVISOR.userId,
    });
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
