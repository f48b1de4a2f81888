import { beforeEach, describe, expect, it } from 'vitest';
import { createTillStore, type TillStore } from '../../../renderer/src/state/store';
import { CATALOGUE, createFakeTill, type FakeTill } from './fake-till';

/** The recovery wizard's decision tree (the seed's last section), against the fake host. */
const [water, noodles] = CATALOGUE.map((p) => p.barcode) as [string, string, string];
let till: FakeTill;
let store: TillStore;
const s = () => store.getState();
const flush = () => new Promise((r) => setTimeout(r, 0));
const steps = () => till.recovery.notes.map((n) => `${n.step}:${n.outcome}`);

/** The host refuses the cashier alone; a supervisor approves on the same screen (主管授权). */
async function approved<T>(action: Promise<T>): Promise<T> {
  for (let i = 0; i < 50 && !s().approval; i++) await new Promise((r) => setTimeout(r, 0));
  expect(s().approval).not.toBeNull();
  s().submitApproval('8001', '8888');
  return action;
}

beforeEach(async () => {
  till = createFakeTill();
  store = createTillStore(till.api, { recovery: { syncAttempts: 3, syncEveryMs: 5 } });
  await s().loadSale();
  await s().scan(water);
});

async function walletPaid() {
  await s().startWallet('134567890123450001');
  till.advance(s().payment!.paymentId, 'PAID');
  await s().pollPayment();
  await flush();
  return s().payment!;
}

describe('recovery wizard', () => {
  it('a. no voucher: the till’s record and a live query; unpaid → a new payment', async () => {
    await s().startWallet('134567890123454444');
    const first = till.advance(s().payment!.paymentId, 'FAILED');
    await s().pollPayment();
    await s().openWizard('status');
    expect(s().screen).toBe('recovery');
    expect(s().wizard).toMatchObject({ step: 'voucher', paymentId: first.paymentId });
    await s().answerVoucher(false);
    expect(s().wizard).toMatchObject({
      step: 'ownRecord',
      lookup: { verdict: 'NOT_PAID', matchedAs: 'merchant' },
    });
    await s().payAgain();
    expect(s().wizard).toBeNull();
    expect(s().screen).toBe('wallet');
    await s().startWallet('134567890123460001');
    expect(s().payment?.merchantOrderNo).not.toBe(first.merchantOrderNo);
    expect(steps()).toEqual([
      'start:FROM_STATUS',
      'voucher:NO',
      'lookup:NOT_PAID',
      'payAgain:NEW_ATTEMPT',
    ]);
  });

  it('b/c/e. voucher, already PAID: printer checks, then a reprint', async () => {
    const paid = await walletPaid();
    till.printed(paid.orderId, 'FAILED', '打印机缺纸');
    await s().openWizard('done');
    await s().answerVoucher(true);
    expect(s().wizard?.step).toBe('number');
    await s().submitNumber(` ${paid.thirdPartyOrderNo} `);
    expect(s().wizard).toMatchObject({
      step: 'printer',
      lookup: { verdict: 'PAID_HERE', matchedAs: 'thirdParty' },
      printer: { printTxt: { exists: true }, template: { kind: 'default' } },
    });
    await approved(s().reprintFromWizard()); // the cashier's screen, a supervisor's 工号 and PIN
    expect(s().wizard?.reprintJob?.state).toBe('PRINTED');
    expect(till.reprints).toEqual([paid.orderId]);
    expect(steps()).toEqual(
      expect.arrayContaining([
        'voucher:YES',
        'lookup:PAID_HERE',
        'printTxt:FOUND',
        'template:DEFAULT',
        'reprint:PRINTED',
      ]),
    );
    await s().closeWizard();
    expect(s().screen).toBe('done');
  });

  it('c. paid at the platform, not here (掉单): sync makes it PAID', async () => {
    await s().startWallet('134567890123450001');
    const p = till.advance(s().payment!.paymentId, 'REVERSED');
    await s().pollPayment();
    till.recovery.gatewaySays(p.merchantOrderNo, 'PAID');
    await s().openWizard('status');
    await s().answerVoucher(true);
    await s().submitNumber(p.merchantOrderNo);
    expect(s().wizard?.step).toBe('paidNotSynced');
    await s().syncFound();
    expect(s().wizard).toMatchObject({ step: 'printer', sync: { result: 'PAID_NOW' } });
    expect(till.payments.get(p.paymentId)?.state).toBe('PAID');
  });

  it('d. the platform says unpaid: syncs with a countdown; still unpaid → goods withheld, case recorded, sale parked', async () => {
    await s().startWallet('134567890123450001');
    const p = till.advance(s().payment!.paymentId, 'REVERSED');
    await s().pollPayment();
    till.recovery.gatewaySays(p.merchantOrderNo, 'PAYING');
    await s().openWizard('status');
    await s().answerVoucher(true);
    await s().submitNumber(p.merchantOrderNo);
    expect(s().wizard?.step).toBe('withheld');
    expect(till.recovery.syncs).toEqual([p.paymentId, p.paymentId, p.paymentId]);
    await s().recordDropped(200, '2026-11-25T10:05:00+08:00');
    expect(s().wizard?.recorded).toMatchObject({ kind: 'DROPPED_ORDER', amountFen: 200 });
    expect(s().openCases).toBe(1);
    expect(till.order(p.orderId)?.status).toBe('PARKED');
    await s().closeWizard();
    expect(s().screen).toBe('checkout');
    expect(s().sale?.orderId).not.toBe(p.orderId); // the next customer gets a fresh sale
    expect(steps()).toEqual(expect.arrayContaining(['lookup:PAYING', 'dropped:STILL_UNPAID']));
  });

  it('d. …and a late channel result during the retries settles it', async () => {
    await s().startWallet('134567890123450001');
    const p = till.advance(s().payment!.paymentId, 'REVERSED');
    await s().pollPayment();
    till.recovery.gatewaySays(p.merchantOrderNo, 'PAYING');
    await s().openWizard('status');
    await s().answerVoucher(true);
    const run = s().submitNumber(p.merchantOrderNo);
    await flush();
    till.recovery.gatewaySays(p.merchantOrderNo, 'PAID'); // the platform receives it
    await run;
    expect(s().wizard).toMatchObject({ step: 'printer', sync: { result: 'PAID_NOW' } });
  });

  it('a payment no till knew: attached to the current sale when the amounts match', async () => {
    await s().scan(noodles);
    till.recovery.foreignPaid('7812345678901234', s().sale!.totalFen);
    await s().openWizard('checkout');
    await s().answerVoucher(true);
    await s().submitNumber('7812345678901234');
    expect(s().wizard).toMatchObject({
      step: 'unknownPaid',
      lookup: { verdict: 'PAID_UNKNOWN_HERE' },
    });
    await approved(s().attachUnknown()); // the cashier's screen, a supervisor's 工号 and PIN
    expect(s().wizard?.step).toBe('printer');
  });

  it("another till's order: shown with its till, nothing attached, the steps stay on this order", async () => {
    const paid = await walletPaid();
    // The same order as till 02 pushed it: the fake host's detail of a paid order, marked remote.
    const detail = { ...(await till.api['order.get']({ orderId: paid.orderId })) };
    if (!detail.ok) throw new Error('order.get');
    const remote = { ...detail.value, origin: { tillNo: '02', remote: true as const } };
    till.recovery.otherTill('M02000000000001', remote);
    await s().loadSale();
    await s().scan(noodles);
    const current = s().sale!.orderId;
    await s().openWizard('checkout');
    await s().answerVoucher(true);
    await s().submitNumber('M02000000000001');
    expect(s().wizard).toMatchObject({
      step: 'otherTill',
      orderId: current,
      lookup: { verdict: 'OTHER_TILL', order: { origin: { tillNo: '02' } } },
    });
    expect(till.recovery.notes.at(-1)).toMatchObject({
      orderId: current,
      step: 'lookup',
      outcome: 'OTHER_TILL',
    });
    // The store database away: said so, never "not found".
    till.recovery.storeOffline(true);
    await s().openWizard('checkout');
    await s().answerVoucher(true);
    await s().submitNumber('M02000000000001');
    expect(s().wizard).toMatchObject({ step: 'number', lookupError: { code: 'STORE_OFFLINE' } });
    expect(s().wizard?.lookupError?.messageZh).toContain('门店数据库');
  });

  it('bad and unknown numbers get a clear answer and the question stays open', async () => {
    await s().openWizard('checkout');
    await s().answerVoucher(true);
    await s().submitNumber('12<3>');
    expect(s().wizard).toMatchObject({ step: 'number', lookupError: { code: 'BAD_NUMBER' } });
    await s().submitNumber('4200000000202611250000000009');
    expect(s().wizard?.lookupError?.code).toBe('LOOKUP_THIRD_PARTY');
    expect(s().wizard?.lookupError?.messageZh).toContain('商户单号');
    await s().submitNumber('99999999');
    expect(s().wizard?.lookupError?.code).toBe('LOOKUP_NOT_FOUND');
    await s().closeWizard();
    expect(s().screen).toBe('checkout');
  });
});

describe('cases and parking', () => {
  it('parks a split sale, counts it in the header, refunds it with one request id', async () => {
    await s().startWallet('134567890123450001');
    const part = s().payment!;
    till.advance(part.paymentId, 'PAID');
    await flush();
    expect(await s().parkSale()).toBe(false); // fully paid: nothing to park
    expect(s().error?.code).toBe('NOTHING_TO_PARK');
  });

  it('a case is listed, resolved once; the count follows `case.updated`', async () => {
    await s().startWallet('134567890123459999');
    till.advance(s().payment!.paymentId, 'NEEDS_MANUAL');
    await till.api['case.record']({ orderId: s().payment!.orderId });
    await s().loadCases();
    expect(s().openCases).toBe(1);
    const c = s().cases[0]!;
    await approved(s().resolveCase(c.caseId, 'CLOSE')); // the cashier's screen, a supervisor's 工号 and PIN
    expect(s().error?.code).toBe('CASE_NOT_CLOSABLE'); // NEEDS_MANUAL: nobody knows yet
    s().applyCaseCount(0);
    expect(s().openCases).toBe(0);
  });
});
