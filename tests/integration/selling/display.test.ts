import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DisplayState } from '../../../shared/selling/schemas';
import { COLA, WATER, sellingRig, type SellingRig } from '../../helpers/sellingRig';

let rig: SellingRig;
let seen: DisplayState[];
beforeEach(async () => {
  rig = await sellingRig();
  seen = [];
  rig.events.subscribe((e, p) => {
    if (e === 'display.updated') seen.push(p as DisplayState);
  });
});
afterEach(() => rig.close());

describe('customer display (客显)', () => {
  it('follows a sale: goods and total, paying, then 支付成功 until the next first item', async () => {
    expect(rig.display.state().phase).toBe('idle');
    rig.sales.scan(`2*${WATER}`);
    rig.sales.scan(COLA);
    expect(rig.display.state()).toMatchObject({
      phase: 'sale',
      storeName: '测试店',
      itemCount: 3,
      totalFen: 750,
      dueFen: 750,
      lines: [
        { name: '农夫山泉 550ml', qty: 2, totalFen: 400 },
        { name: '可口可乐 500ml', qty: 1, totalFen: 350 },
      ],
    });
    const p = rig.engine.startWallet(rig.sales.current(), '134567890123450001');
    expect(rig.display.state().phase).toBe('paying');
    await rig.until(p.paymentId, ['PAID']);
    await expect.poll(() => rig.display.state().phase).toBe('paid');
    expect(rig.display.state()).toMatchObject({
      paidFen: 750,
      changeFen: 0,
      dueFen: 0,
      totalFen: 750,
    });
    // The next (empty) sale does not clear 支付成功; its first item does.
    rig.sales.current();
    rig.sales.clear();
    expect(rig.display.state().phase).toBe('paid');
    rig.sales.scan(WATER);
    expect(rig.display.state()).toMatchObject({ phase: 'sale', totalFen: 200 });
    expect(seen.map((s) => s.phase)).toEqual(expect.arrayContaining(['sale', 'paying', 'paid']));
    // Nothing on it identifies the payment.
    expect(JSON.stringify(seen)).not.toMatch(/134567890123450001|merchant|M\d{10}/);
  });

  it('shows the change after cash, and a split tender as still due', () => {
    rig.sales.scan(`3*${COLA}`); // 10.50
    const part = rig.engine.startCash(rig.sales.current(), 500, true);
    expect(part.state).toBe('PAID');
    expect(rig.display.state()).toMatchObject({ phase: 'sale', totalFen: 1050, dueFen: 550 });
    rig.engine.startCash(rig.sales.current(), 1000);
    expect(rig.display.state()).toMatchObject({ phase: 'paid', paidFen: 1050, changeFen: 450 });
  });

  it('says a declined payment was not successful, and ignores other orders', async () => {
    rig.sales.scan(WATER);
    const p = rig.engine.startWallet(rig.sales.current(), '134567890123454444'); // no money
    await rig.until(p.paymentId, ['FAILED']);
    await expect.poll(() => rig.display.state().phase).toBe('failed');
    rig.events.emit('payment.updated', { ...p, orderId: 'O-someone-else', state: 'PAID' });
    expect(rig.display.state().phase).toBe('failed');
  });
});
