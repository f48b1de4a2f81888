import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  APPROVAL,
  CASHIER,
  COLA,
  OTHER_CASHIER,
  SUPERVISOR,
  WATER,
  codeOf,
  refusalOf,
  sellingRig,
  type SellingRig,
} from '../../helpers/sellingRig';

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
        heldBy: CASHIER.userId,
        itemCount: 2,
        totalFen: 400,
        firstItem: '农夫山泉 550ml',
      },
      {
        orderId: second,
        heldAt: '2026-11-25T10:01:00.000Z',
        heldBy: CASHIER.userId,
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

  it("needs a supervisor to recall another cashier's sale", async () => {
    rig.sales.scan(WATER);
    const held = rig.sales.current().orderId;
    rig.holds.hold();
    await rig.signIn(OTHER_CASHIER);
    expect(await refusalOf(() => rig.holds.recall(held))).toMatchObject({
      code: 'FORBIDDEN',
      need: { roles: ['supervisor'], approval: true, signIn: false },
    });
    const recall = (approval = APPROVAL) =>
      rig.call('sale.recall', () => rig.holds.recall(held), approval);
    expect(await refusalOf(() => recall({ userId: SUPERVISOR.userId, pin: '1111' }))).toMatchObject(
      { code: 'BAD_PIN' },
    );
    // Refused: the sale is still held, the till's own (empty) sale is still there.
    expect(rig.holds.list().map((h) => h.orderId)).toEqual([held]);
    expect(rig.repos.audit.recent().filter((a) => a.action === 'sale.recall')).toEqual([]);
    expect((await recall()).orderId).toBe(held);
    const row = rig.repos.db
      .prepare("SELECT actor, approver, detail FROM audit_log WHERE action = 'sale.recall'")
      .get() as { actor: string; approver: string | null; detail: string };
    expect(row).toMatchObject({ actor: OTHER_CASHIER.userId, approver: SUPERVISOR.userId });
    expect(JSON.parse(row.detail)).toEqual({
      heldBy: CASHIER.userId,
      approvedBy: SUPERVISOR.userId,
    });
  });

  it("lets a supervisor recall another cashier's sale without an approval", async () => {
    rig.sales.scan(WATER);
    const held = rig.sales.current().orderId;
    rig.holds.hold();
    await rig.signIn(SUPERVISOR);
    expect(rig.holds.recall(held).orderId).toBe(held);
    const recall = rig.repos.audit.recent().find((a) => a.action === 'sale.recall');
    expect(JSON.parse(recall?.detail ?? '{}')).toEqual({
      heldBy: CASHIER.userId,
      approvedBy: SUPERVISOR.userId,
    });
  });

  it('lets the cashier who held a sale recall it alone', async () => {
    rig.sales.scan(WATER);
    const held = rig.sales.current().orderId;
    rig.holds.hold();
    await rig.signIn(OTHER_CASHIER);
    await rig.signIn(CASHIER);
    expect(rig.holds.recall(held).orderId).toBe(held);
    const recall = rig.repos.audit.recent().find((a) => a.action === 'sale.recall');
    expect(JSON.parse(recall?.detail ?? '{}')).toEqual({
      heldBy: CASHIER.userId,
      approvedBy: null,
    });
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
