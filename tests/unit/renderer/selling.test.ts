import { beforeEach, describe, expect, it } from 'vitest';
import { readScanText } from '../../../renderer/src/components/selling/scanText';
import { zheToPercentOff } from '../../../renderer/src/components/selling/DiscountDialog';
import { enSelling } from '../../../renderer/src/i18n/en-selling';
import { zhSelling } from '../../../renderer/src/i18n/zh-selling';
import { createTillStore, type TillStore } from '../../../renderer/src/state/store';
import { CATALOGUE, createFakeTill, type FakeTill } from './fake-till';
import { FAKE_PIN } from './fake-selling';

const [water, noodles] = CATALOGUE.map((p) => p.barcode) as [string, string, string];
let till: FakeTill;
let store: TillStore;
const s = () => store.getState();

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

  it('keeps a call over the limit for the approval dialog, then makes it with the PIN', async () => {
    await s().scan(`5*${water}`);
    expect(await s().giveDiscount('order', 'percent', 30)).toBe(false);
    expect(s().approval?.title).toBe('discount');
    expect(s().sale?.discountFen).toBe(0);
    expect(await s().submitApproval('sup01', '0000')).toBe(false);
    expect(s().approvalError?.code).toBe('APPROVAL_DENIED');
    expect(s().approval).not.toBeNull(); // still waiting for the right PIN
    expect(await s().submitApproval('sup01', FAKE_PIN)).toBe(true);
    expect(s().approval).toBeNull();
    expect(s().sale).toMatchObject({ orderDiscountFen: 300, totalFen: 700 });
  });

  it('adds an open-price item; over the limit it waits for approval; cancel changes nothing', async () => {
    expect(await s().addOpenPrice(1250, '散装蔬果')).toBe(true);
    expect(s().sale?.lines).toMatchObject([{ kind: 'open', name: '散装蔬果', totalFen: 1250 }]);
    expect(await s().addOpenPrice(50_000)).toBe(false);
    expect(s().approval?.title).toBe('openPrice');
    s().cancelApproval();
    expect(s().sale?.lines).toHaveLength(1);
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
    expect(s().held).toMatchObject([{ orderId, itemCount: 1, totalFen: 200, heldBy: '王芳' }]);
    expect(await s().recallSale(orderId!)).toBe(true);
    expect(s().holdOpen).toBe(false);
    expect(s().sale?.orderId).toBe(orderId);
  });

  it("asks for a supervisor to recall another cashier's sale", async () => {
    await s().scan(water);
    const orderId = s().sale!.orderId;
    await s().holdSale();
    till.signIn('李雷');
    expect(await s().recallSale(orderId)).toBe(false);
    expect(s().approval?.title).toBe('recall');
    expect(await s().submitApproval('sup01', FAKE_PIN)).toBe(true);
    expect(s().sale?.orderId).toBe(orderId);
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
  it('finds one product and saves its new price', async () => {
    await s().findProducts(water);
    expect(s().priceSelected?.barcode).toBe(water);
    expect(await s().savePrice(250)).toBe(true);
    expect(s().priceSaved).toMatchObject({ barcode: water, priceFen: 250 });
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
