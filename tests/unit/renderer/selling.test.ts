import { beforeEach, describe, expect, it } from 'vitest';
import { readScanText } from '../../../renderer/src/components/selling/scanText';
import { zheToPercentOff } from '../../../renderer/src/components/selling/DiscountDialog';
import { enSelling } from '../../../renderer/src/i18n/en-selling';
import { zhSelling } from '../../../renderer/src/i18n/zh-selling';
import { createTillStore, type TillStore } from '../../../renderer/src/state/store';
import { OTHER_CASHIER } from './fake-access';
import { CATALOGUE, createFakeTill, type FakeTill } from './fake-till';

const [water, noodles] = CATALOGUE.map((p) => p.barcode) as [string, string, string];
let till: FakeTill;
let store: TillStore;
const s = () => store.getState();
const flush = () => new Promise((r) => setTimeout(r, 0));
/** Waits until the store asks for an approval (the first call came back FORBIDDEN). */
async function asked() {
  for (let i = 0; i < 50 && !s().approval; i++) await flush();
  return s().approval;
}
/** Waits until the approval dialog shows the host's answer to a PIN. */
async function answered() {
  for (let i = 0; i < 50 && !s().approval?.error; i++) await flush();
  return s().approval?.error;
}
/** The demo supervisor (tests/unit/renderer/fake-access.ts, as electron/auth/staff.ts). */
const SUP = { userId: '8001', pin: '8888' };

beforeEach(async () => {
  till = createFakeTill();
  store = createTillStore(till.api);
  await s().loadSale();
});

describe('the scan field', () => {
  it('tells a code, a quantity waiting for its scan, and a search apart', () => {
    expect(readScanText('')).toEqual({ kind: 'empty' });
    expect(readScanText('6901234567892')).toEqual({ kind: 'code', text: '6901234567892' });
    expect(readScanText('24*6901234567892')).toEqual({ kind: 'code', text: '24*6901234567892' });
    expect(readScanText('24*')).toEqual({ kind: 'qty', qty: 24 });
    expect(readScanText('nfsq')).toEqual({ kind: 'search', query: 'nfsq', qty: 1 });
    expect(readScanText('3*ksf')).toEqual({ kind: 'search', query: 'ksf', qty: 3 });
    expect(readScanText('农夫')).toEqual({ kind: 'search', query: '农夫', qty: 1 });
  });

  it('scans 数量*条码 through the host', async () => {
    expect(await s().scan(`24*${water}`)).toBe(true);
    expect(s().sale?.lines).toMatchObject([{ barcode: water, qty: 24, totalFen: 4800 }]);
  });

  it('sets the selected line’s quantity (F3), held to the host’s limit', async () => {
    await s().scan(water);
    s().openDialog('qty');
    expect(await s().setLineQty(7)).toBe(true);
    expect(s().dialog).toBeNull();
    expect(s().sale?.lines[0]).toMatchObject({ qty: 7, totalFen: 1400 });
    s().openDialog('qty');
    expect(await s().setLineQty(100)).toBe(false); // the fake's limit is 99 a line
    expect(s().error?.code).toBe('QTY_LIMIT');
    expect(s().sale?.lines[0]?.qty).toBe(7);
  });

  it('searches by pinyin initials, and drops an answer that came after a newer question', async () => {
    const first = s().searchProducts('n');
    const second = s().searchProducts('nfsq');
    await Promise.all([first, second]);
    expect(s().searchQuery).toBe('nfsq');
    expect(s().searchResults.map((p) => p.name)).toEqual(['农夫山泉 550ml']);
    expect(s().searchIndex).toBe(0);
    await s().searchProducts('hsnrm'); // 红烧牛肉面, inside the name
    expect(s().searchResults.map((p) => p.barcode)).toEqual([noodles]);
    s().clearSearch();
    expect(s().searchResults).toEqual([]);
  });
});

describe('discounts and open price with a supervisor', () => {
  it('reads 折 as the cashier says it', () => {
    expect(zheToPercentOff('9')).toBe(10);
    expect(zheToPercentOff('8.5')).toBe(15);
    expect(zheToPercentOff('0')).toBe(0);
    expect(zheToPercentOff('10')).toBeNull();
    expect(zheToPercentOff('0.5')).toBeNull();
    expect(zheToPercentOff('abc')).toBeNull();
  });

  it('gives a line discount within the limit at once', async () => {
    await s().scan(`5*${water}`);
    s().openDialog('discount');
    expect(s().dialog).toBe('discount');
    expect(await s().giveDiscount('line', 'percent', 10)).toBe(true);
    expect(s().dialog).toBeNull();
    expect(s().sale?.lines[0]).toMatchObject({ discountFen: 100, totalFen: 900 });
    expect(s().sale?.discountFen).toBe(100);
  });

  it('asks a supervisor over the limit; a wrong or a cashier’s PIN keeps asking; the right one gives it', async () => {
    await s().scan(`5*${water}`);
    const giving = s().giveDiscount('order', 'percent', 30);
    // The host answered FORBIDDEN naming a supervisor's approval: the dialog asks for one.
    expect(await asked()).toMatchObject({ what: 'discount', error: null });
    expect(s().sale?.discountFen).toBe(0);
    s().submitApproval(SUP.userId, '0000');
    expect(await answered()).toMatchObject({ code: 'BAD_PIN' });
    expect(s().approval).toMatchObject({ what: 'discount', busy: false }); // still asking
    s().submitApproval(OTHER_CASHIER.userId, OTHER_CASHIER.pin);
    for (let i = 0; i < 50 && s().approval?.error?.code === 'BAD_PIN'; i++) await flush();
    expect(s().approval?.error?.code).toBe('NOT_SUPERVISOR');
    expect(s().sale?.discountFen).toBe(0); // refused: nothing changed
    s().submitApproval(SUP.userId, SUP.pin);
    expect(await giving).toBe(true);
    expect(s().approval).toBeNull();
    expect(s().sale).toMatchObject({ orderDiscountFen: 300, totalFen: 700 });
  });

  it('lets a signed-in supervisor go over the limit with no dialog', async () => {
    expect(await s().signIn(SUP.userId, SUP.pin)).toBe(true);
    await s().loadSale();
    await s().scan(`5*${water}`);
    expect(await s().giveDiscount('order', 'percent', 30)).toBe(true);
    expect(s().approval).toBeNull();
    expect(s().sale).toMatchObject({ orderDiscountFen: 300, totalFen: 700 });
  });

  it('adds an open-price item; over the limit it waits for approval; cancel changes nothing', async () => {
    expect(await s().addOpenPrice(1250, '散装蔬果')).toBe(true);
    expect(s().sale?.lines).toMatchObject([{ kind: 'open', name: '散装蔬果', totalFen: 1250 }]);
    const adding = s().addOpenPrice(50_000);
    expect(await asked()).toMatchObject({ what: 'openPrice' });
    s().cancelApproval();
    expect(await adding).toBe(false);
    expect(s().approval).toBeNull();
    expect(s().error?.code).toBe('FORBIDDEN');
    expect(s().sale?.lines).toHaveLength(1);
    expect(till.current().lines).toHaveLength(1);
  });
});

describe('hold and recall', () => {
  it('holds the cart, lists it, and recalls it into the empty till', async () => {
    await s().scan(water);
    const orderId = s().sale?.orderId;
    expect(await s().holdSale()).toBe(true);
    expect(s().sale?.lines).toEqual([]);
    await s().openHold();
    expect(s().holdOpen).toBe(true);
    expect(s().held).toMatchObject([{ orderId, itemCount: 1, totalFen: 200, heldBy: '1001' }]);
    expect(await s().recallSale(orderId!)).toBe(true);
    expect(s().holdOpen).toBe(false);
    expect(s().sale?.orderId).toBe(orderId);
  });

  it("asks for a supervisor to recall another cashier's sale", async () => {
    await s().scan(water);
    const orderId = s().sale!.orderId;
    await s().holdSale();
    expect(await s().signIn(OTHER_CASHIER.userId, OTHER_CASHIER.pin)).toBe(true);
    const recalling = s().recallSale(orderId);
    expect(await asked()).toMatchObject({ what: 'recall' });
    expect(till.held.has(orderId)).toBe(true); // still held while the dialog asks
    s().submitApproval(SUP.userId, SUP.pin);
    expect(await recalling).toBe(true);
    expect(s().sale?.orderId).toBe(orderId);
    expect(till.held.has(orderId)).toBe(false);
  });

  it('refuses to recall over a cart with goods', async () => {
    await s().scan(water);
    const orderId = s().sale!.orderId;
    await s().holdSale();
    await s().scan(noodles);
    expect(await s().recallSale(orderId)).toBe(false);
    expect(s().error?.code).toBe('CART_NOT_EMPTY');
  });
});

describe('the price screen', () => {
  it("saves a new price: a cashier with a supervisor's approval (cancelled: nothing), a supervisor alone", async () => {
    await s().findProducts(water);
    expect(s().priceSelected?.barcode).toBe(water);
    const refused = s().savePrice(250);
    expect(await asked()).toMatchObject({ what: 'price' });
    s().cancelApproval();
    expect(await refused).toBe(false);
    expect(s().error).toMatchObject({
      code: 'FORBIDDEN',
      need: { roles: ['supervisor'], approval: true },
    });
    expect(s().priceSaved).toBeNull();

    const approved = s().savePrice(260);
    expect(await asked()).toMatchObject({ what: 'price' });
    s().submitApproval(SUP.userId, SUP.pin);
    expect(await approved).toBe(true);
    expect(s().priceSaved).toMatchObject({ barcode: water, priceFen: 260 });

    expect(await s().signIn(SUP.userId, SUP.pin)).toBe(true);
    await s().findProducts(water);
    expect(await s().savePrice(270)).toBe(true);
    expect(s().approval).toBeNull();
    expect(s().priceSaved).toMatchObject({ barcode: water, priceFen: 270 });
  });
});

describe('selling texts', () => {
  const keys = (o: object, p = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null && !Array.isArray(v)
        ? keys(v as object, `${p}${k}.`)
        : [`${p}${k}`],
    );
  it('has every Chinese text in English too', () => {
    expect(keys(enSelling).sort()).toEqual(keys(zhSelling).sort());
  });
});
