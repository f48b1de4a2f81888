import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../electron/host/config';
import { runKiosk } from '../../../electron/host/kiosk';
import { startVirtualPrinter, type VirtualPrinter } from '../../../printer';
import catalogue from '../../../resources/catalogue.json';
import type { Figures, Report, Shift } from '../../../shared/api/shift';
import { APPROVAL, kioskClient, type KioskClient } from '../../helpers/kioskClient';
import { sell, until, walletCode } from '../../helpers/sales';
import { tempDir } from '../../helpers/tmp';

/**
 * 交接班 over the kiosk API of a real host printing to a virtual printer. Every figure on the X
 * and Z reports is checked against the store, queried here in SQL of its own.
 */
const tmp = tempDir('till-shifts-');
let kiosk: Awaited<ReturnType<typeof runKiosk>>;
let printer: VirtualPrinter;
let api: KioskClient;
const db = () => new Database(join(tmp.dir, 'till.db'), { readonly: true });
const goods = (i: number) => catalogue[i]!.barcode;

beforeAll(async () => {
  printer = await startVirtualPrinter();
  kiosk = await runKiosk(
    loadConfig({
      TILL_DATA_DIR: tmp.dir,
      TILL_PORT: '0',
      TILL_PRINTER: printer.uri,
      // The virtual printer's free port, allowed as an installer allows a print server's.
      TILL_PRINTER_PORTS: String(printer.port),
    }),
    { appRoot: resolve('.'), version: 'test' },
  );
  api = kioskClient(kiosk.port, kiosk.token);
  await api.signIn(undefined, { shift: false });
});
afterAll(async () => {
  await kiosk.host.engine.settled();
  await kiosk.close();
  await printer.close();
  tmp.cleanup();
});

/** What the store says about one shift, computed without the report code. */
function fromStore(shiftId: string, floatFen: number) {
  const d = db();
  const sum = (sql: string) =>
    d.prepare(sql).all(shiftId) as { method: string; n: number; fen: number }[];
  const sales = sum(
    `SELECT method, COUNT(*) n, SUM(amount_fen) fen FROM payments WHERE shift_id = ? AND state = 'PAID' GROUP BY method`,
  );
  const refunds = sum(
    `SELECT p.method, COUNT(*) n, SUM(r.amount_fen) fen FROM refunds r JOIN payments p ON p.id = r.payment_id
     WHERE r.shift_id = ? AND r.state = 'REFUNDED' GROUP BY p.method`,
  );
  const get = (rows: typeof sales, m: string) =>
    rows.find((r) => r.method === m) ?? { n: 0, fen: 0 };
  const methods = ['CASH', 'WECHAT', 'ALIPAY'].map((m) => ({
    method: m,
    salesCount: get(sales, m).n,
    salesFen: get(sales, m).fen,
    refundCount: get(refunds, m).n,
    refundFen: get(refunds, m).fen,
    netFen: get(sales, m).fen - get(refunds, m).fen,
  }));
  const cash = methods[0]!;
  d.close();
  return { methods, cashExpectedFen: floatFen + cash.salesFen - cash.refundFen };
}
const paper = (reportKind: string) =>
  until(
    `${reportKind} on paper`,
    async () => printer.jobs.filter((j) => j.text.includes(reportKind)),
    (l) => l.length > 0,
  );

describe('shifts with X and Z reports', () => {
  let shift: Shift;

  it('no payment without an open shift; opening one takes the float', async () => {
    await api.value('sale.scan', { barcode: goods(1) });
    const refused = await api.call('pay.start', { kind: 'cash', receivedFen: 100_000 });
    expect(refused.json.error).toMatchObject({ code: 'NO_SHIFT' });
    expect(refused.json.error?.messageZh).toMatch(/备用金/);
    shift = await api.value<Shift>('shift.open', { floatFen: 20_000 });
    expect(shift).toMatchObject({
      state: 'OPEN',
      floatFen: 20_000,
      openedBy: '1001',
      openedByName: '王芳',
    });
    expect((await api.call('shift.open', { floatFen: 0 })).json.error).toMatchObject({
      code: 'SHIFT_OPEN',
    });
    await api.value('sale.clear');
  });

  it('X mid-shift: per method sales, refunds and net, drawer without a sale, expected cash — as in the store', async () => {
    await sell(api, [goods(2), goods(3)], [{ cash: 100_000 }]);
    const cashSale = await sell(api, [goods(4)], [{ cash: 50_000 }]);
    await sell(api, [goods(5)], [{ wallet: 'WECHAT' }]);
    await sell(api, [goods(6), goods(7)], [{ wallet: 'ALIPAY' }]);
    await api.value('order.refund', {
      orderId: cashSale.sale.orderId,
      requestId: 'x-refund',
      amountFen: 100,
      reason: '顾客退货',
      approval: APPROVAL,
    });
    // A no-sale drawer opening, approved by the supervisor on the cashier's call.
    await api.value('drawer.open', { approval: APPROVAL });

    const x = await api.value<Report>('report.x');
    const store = fromStore(shift.shiftId, 20_000);
    expect(x.kind).toBe('X');
    expect(x.figures.byMethod).toEqual(store.methods);
    expect(x.figures.cashExpectedFen).toBe(store.cashExpectedFen);
    expect(x.figures.noSaleDrawer).toBe(1);
    expect(x.figures.unresolved).toEqual([]);
    expect((await api.value<{ shift: Shift }>('shift.current')).shift?.state).toBe('OPEN');
    const [job] = await paper('X 报表');
    expect(job!.text).toContain('应有现金');
    expect(job!.text).toContain((store.cashExpectedFen / 100).toFixed(2));
    expect(job!.text).toContain('测试小票 · 不作为支付凭证 / SANDBOX');
    expect(readFileSync(join(tmp.dir, 'report.txt'), 'utf8')).toBe(x.text);
    expect(existsSync(x.txtPath)).toBe(true);
  });

  it('cannot close while a payment is unresolved; a supervisor carries it over and the Z lists it', async () => {
    await api.value('sale.scan', { barcode: goods(8) });
    // The customer is still typing the password (about 10 s): the payment is unresolved.
    const pending = await api.value<{ paymentId: string; merchantOrderNo: string }>('pay.start', {
      kind: 'wallet',
      authCode: walletCode('WECHAT', '1010'),
    });
    const blocked = await api.call('shift.close', { countedFen: 0 });
    expect(blocked.json.error).toMatchObject({ code: 'SHIFT_UNRESOLVED' });
    expect(blocked.json.error?.message).toContain(pending.merchantOrderNo);
    const alone = await api.call('shift.close', { countedFen: 0, carryOver: true });
    expect(alone.json.error).toMatchObject({
      code: 'FORBIDDEN',
      need: { roles: ['supervisor'], approval: true },
    });
    expect((await api.value<{ shift: Shift }>('shift.current')).shift?.state).toBe('OPEN');

    // Counting: no new payment may start meanwhile.
    await api.value('shift.beginClose');
    await api.value('sale.scan', { barcode: goods(9) }).catch(() => undefined);
    const store = fromStore(shift.shiftId, 20_000);
    const counted = store.cashExpectedFen - 300; // 3 yuan short
    const z = await api.value<Report>('shift.close', {
      countedFen: counted,
      carryOver: true,
      approval: APPROVAL,
    });
    expect(z.kind).toBe('Z');
    const f: Figures = z.figures;
    expect(f.byMethod).toEqual(store.methods);
    expect(f).toMatchObject({
      countedFen: counted,
      cashExpectedFen: store.cashExpectedFen,
      differenceFen: -300,
    });
    expect(f.unresolved.map((u) => u.merchantOrderNo)).toEqual([pending.merchantOrderNo]);
    const closed = db()
      .prepare('SELECT state, counted_fen, expected_fen, carried_over FROM shifts WHERE id = ?')
      .get(shift.shiftId);
    expect(closed).toEqual({
      state: 'CLOSED',
      counted_fen: counted,
      expected_fen: store.cashExpectedFen,
      carried_over: 1,
    });
    const [job] = await paper('Z 报表');
    expect(job!.text).toContain('长短款（短款）');
    expect(job!.text).toContain('-3.00');
    expect(job!.text).toContain(pending.merchantOrderNo);
    expect(job!.text).toContain('结转下一班');
    expect(job!.text).toMatch(/审计链 #\d+ [0-9a-f]{16}/);
    // Kept in the store and as a file beside print.txt.
    expect((await api.value<Report>('report.get', { reportId: z.reportId })).text).toBe(z.text);
    expect(readFileSync(z.txtPath, 'utf8')).toBe(z.text);
    const audit = db().prepare("SELECT approver FROM audit_log WHERE action = 'shift.close'").get();
    expect(audit).toEqual({ approver: '8001' });
    // No shift now: payments wait for the next one.
    expect(
      (await api.call('pay.start', { kind: 'cash', receivedFen: 100_000 })).json.error,
    ).toMatchObject({
      code: 'NO_SHIFT',
    });
  });

  it('a reprint is a copy marked 副本; the day report adds up every shift of the day', async () => {
    const list = await api.value<{ reports: { reportId: string; kind: string }[] }>('report.list');
    const z = list.reports.find((r) => r.kind === 'Z')!;
    const copy = await api.value<Report>('report.reprint', { reportId: z.reportId });
    expect(copy.copyOf).toBe(z.reportId);
    expect(copy.text).toContain('副本 COPY');

    const second = await api.value<Shift>('shift.open', { floatFen: 5_000 });
    // The payment carried over now belongs to this shift; its customer finishes typing.
    const carried = db()
      .prepare("SELECT id FROM payments WHERE state NOT IN ('PAID','FAILED','REVERSED')")
      .pluck()
      .all() as string[];
    expect(carried).toHaveLength(1);
    const shiftOf = db().prepare('SELECT shift_id FROM payments WHERE id = ?').pluck();
    expect(shiftOf.get(carried[0])).toBe(second.shiftId);
    await until(
      'the carried-over payment ends',
      () => api.value<{ state: string }>('pay.status', { paymentId: carried[0] }),
      (p) => p.state === 'PAID',
    );
    await sell(api, [goods(10)], [{ cash: 100_000 }]);
    const day = await api.value<Report>('report.day', { approval: APPROVAL });
    expect(day.kind).toBe('DAY');
    expect(day.figures.shifts.map((s) => s.shiftId)).toEqual([shift.shiftId, second.shiftId]);
    const both = [fromStore(shift.shiftId, 0), fromStore(second.shiftId, 0)];
    for (const [i, m] of day.figures.byMethod.entries()) {
      // The pending payment carried over may end PAID in either shift's time: count from the store.
      expect(m.salesFen).toBe(both[0]!.methods[i]!.salesFen + both[1]!.methods[i]!.salesFen);
    }
    const [job] = await paper('日报表');
    expect(job!.text).toContain('班次 王芳');
  });
});
