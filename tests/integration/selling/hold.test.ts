import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLA, PIN, WATER, codeOf, sellingRig, type SellingRig } from '../../helpers/sellingRig';

let rig: SellingRig;
beforeEach(async () => {
  rig = await sellingRig({ heldSales: 3 });
});
afterEach(() => rig.close());

const WECHAT = '134567890123450001';

describe('hold and recall (挂单 / 取单)', () => {
  it('sets several sales aside, lists them with time and total, and serves the next customer', () => {
    rig.sales.scan(`2*${WATER}`);
    const first = rig.sales.current().orderId;
    const next = rig.holds.hold();
    expect(next.orderId).not.toBe(first);
    expect(next.lines).toEqual([]);
    rig.clock.advance(60_000);
    rig.sales.scan(COLA);
    const second = rig.sales.current().orderId;
    rig.holds.hold();
    expect(rig.holds.list()).toEqual([
      {
        orderId: first,
        heldAt: '2026-11-25T10:00:00.000Z',
        heldBy: '王芳',
        itemCount: 2,
        totalFen: 400,
        firstItem: '农夫山泉 550ml',
      },
      {
        orderId: second,
        heldAt: '2026-11-25T10:01:00.000Z',
        heldBy: '王芳',
        itemCount: 1,
        totalFen: 350,
        firstItem: '可口可乐 500ml',
      },
    ]);
    expect(rig.repos.sales.get(first)?.status).toBe('HELD');
    expect(rig.repos.sales.current()?.lines).toEqual([]); // sales.current(): OPEN/PAYING only
  });

  it('recalls into an empty till; a non-empty cart is held or cleared first', () => {
    rig.sales.scan(WATER);
    const held = rig.sales.current().orderId;
    rig.holds.hold();
    const empty = rig.sales.current().orderId;
    rig.sales.scan(COLA);
    expect(codeOf(() => rig.holds.recall(held))).toBe('CART_NOT_EMPTY');
    rig.sales.clear();
    const back = rig.holds.recall(held);
    expect(back).toMatchObject({ orderId: held, status: 'OPEN', totalFen: 200 });
    expect(rig.sales.current().orderId).toBe(held);
    expect(rig.repos.sales.get(empty)).toBeNull(); // the empty sale it replaced is gone
    expect(rig.holds.list()).toEqual([]);
    expect(codeOf(() => rig.holds.recall(held))).toBe('NOT_FOUND');
    // The recalled sale goes on as any sale: scanned into, then paid.
    rig.sales.scan(WATER);
    expect(rig.engine.startCash(rig.sales.current(), 1000).state).toBe('PAID');
  });

  it("needs a supervisor to recall another cashier's sale", () => {
    rig.sales.scan(WATER);
    const held = rig.sales.current().orderId;
    rig.holds.hold();
    rig.signIn('李雷');
    expect(codeOf(() => rig.holds.recall(held))).toBe('APPROVAL_REQUIRED');
    expect(codeOf(() => rig.holds.recall(held, { userId: 'sup', pin: '1111' }))).toBe(
      'APPROVAL_DENIED',
    );
    expect(rig.holds.recall(held, { userId: 'sup', pin: PIN }).orderId).toBe(held);
    const recall = rig.repos.audit.recent().find((a) => a.action === 'sale.recall');
    expect(JSON.parse(recall?.detail ?? '{}')).toEqual({ heldBy: '王芳', approvedBy: 'sup' });
  });

  it('never holds a payment in flight, nor an empty cart, nor more than the limit', async () => {
    expect(codeOf(() => rig.holds.hold())).toBe('EMPTY_CART');
    rig.sales.scan(WATER);
    const sale = rig.sales.current();
    const p = rig.engine.startWallet(sale, WECHAT);
    expect(rig.sales.current().status).toBe('PAYING');
    expect(codeOf(() => rig.holds.hold())).toBe('CANNOT_HOLD');
    // Even asked directly, the store refuses to hold it (migration 009's trigger).
    expect(() =>
      rig.repos.db.prepare("UPDATE orders SET status = 'HELD' WHERE id = ?").run(sale.orderId),
    ).toThrow(/without payments/);
    await rig.until(p.paymentId, ['PAID']);
    for (let i = 0; i < 3; i++) {
      rig.sales.scan(COLA);
      rig.holds.hold();
    }
    rig.sales.scan(COLA);
    expect(codeOf(() => rig.holds.hold())).toBe('HOLD_LIMIT');
  });
});
