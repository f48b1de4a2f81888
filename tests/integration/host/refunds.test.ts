import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../electron/host/config';
import { runKiosk } from '../../../electron/host/kiosk';
import { startVirtualPrinter, type VirtualPrinter } from '../../../printer';
import catalogue from '../../../resources/catalogue.json';
import { APPROVAL, kioskClient, type KioskClient } from '../../helpers/kioskClient';
import { sell, until } from '../../helpers/sales';
import { tempDir } from '../../helpers/tmp';

/**
 * Refunds a cashier can act on, over the kiosk API of a real host and a virtual printer: a
 * supervisor's approval on the cashier's call, the reason, the refund slip, and exactly what
 * goes back in cash and what goes back to the wallet.
 */
const tmp = tempDir('till-refunds-');
let kiosk: Awaited<ReturnType<typeof runKiosk>>;
let printer: VirtualPrinter;
let api: KioskClient;
const db = () => new Database(join(tmp.dir, 'till.db'), { readonly: true });

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
  await api.signIn();
});
afterAll(async () => {
  await kiosk.close();
  await printer.close();
  tmp.cleanup();
});

interface RefundAnswer {
  refunds: { refundNo: string; amountFen: number; state: string; paymentId: string }[];
  cashBackFen: number;
  walletBack: { method: string; amountFen: number; state: string }[];
  summary: { state: string; refundedFen: number; refundableFen: number };
  slipJob: { jobId: string } | null;
}

describe('refunds', () => {
  it('a split sale: the cashier is refused alone, then refunds with approval and is told what goes where', async () => {
    const { sale, payments } = await sell(
      api,
      [catalogue[3]!.barcode, catalogue[9]!.barcode],
      [{ cash: 300 }, { wallet: 'WECHAT' }],
    );
    const ask = { orderId: sale.orderId, requestId: 'split-1', reason: '商品质量问题' };
    const alone = await api.call('order.refund', ask);
    expect(alone.json.error).toMatchObject({ code: 'FORBIDDEN', need: { approval: true } });
    const rowsBefore = db().prepare('SELECT COUNT(*) FROM refunds').pluck().get();
    expect(rowsBefore).toBe(0);

    // Reason is required.
    const noReason = await api.call('order.refund', { ...ask, reason: ' ', approval: APPROVAL });
    expect(noReason.json.error).toMatchObject({ code: 'BAD_REQUEST', field: 'reason' });

    const r = await api.value<RefundAnswer>('order.refund', { ...ask, approval: APPROVAL });
    const wallet = sale.totalFen - 300;
    expect(r.cashBackFen).toBe(300);
    expect(r.walletBack).toEqual([{ method: 'WECHAT', amountFen: wallet, state: 'REFUNDED' }]);
    expect(r.summary).toEqual({
      state: 'FULL',
      refundedFen: sale.totalFen,
      pendingFen: 0,
      refundableFen: 0,
    });
    const detail = await api.value<{ refund: { state: string; refundableFen: number } }>(
      'order.get',
      {
        orderId: sale.orderId,
      },
    );
    expect(detail.refund).toMatchObject({ state: 'FULL', refundableFen: 0 });

    // The slip (退款单) on paper, decoded from the bytes the printer received.
    const slip = await until(
      'refund slip',
      async () => printer.jobs.find((j) => j.text.includes('退款单')),
      Boolean,
    );
    for (const x of r.refunds) expect(slip!.text).toContain(x.refundNo);
    expect(slip!.text).toContain('现金退还顾客');
    expect(slip!.text).toContain('原路退回微信支付');
    expect(slip!.text).toContain('主管授权');
    expect(slip!.text).toContain('李强 8001');
    expect(slip!.text).toContain('商品质量问题');
    expect(slip!.text).toContain('测试小票 · 不作为支付凭证 / SANDBOX');
    expect(payments.map((p) => p.merchantOrderNo).every((no) => slip!.text.includes(no))).toBe(
      true,
    );

    // Audited with who asked, who approved, the reason and each outcome.
    const audit = db()
      .prepare(
        "SELECT actor, role, approver, action, detail FROM audit_log WHERE action LIKE 'refund.%' ORDER BY id",
      )
      .all() as { actor: string; role: string; approver: string; action: string; detail: string }[];
    expect(audit.map((a) => a.action)).toEqual([
      'refund.request',
      'refund.request',
      'refund.done',
      'refund.done',
    ]);
    for (const a of audit)
      expect(a).toMatchObject({ actor: '1001', role: 'cashier', approver: '8001' });
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ reason: '商品质量问题' });
    const order = db().prepare('SELECT refunded_fen FROM orders WHERE id = ?').get(sale.orderId);
    expect(order).toEqual({ refunded_fen: sale.totalFen });
  });

  it('a partial refund leaves the order partly refunded with the rest still refundable', async () => {
    const { sale } = await sell(
      api,
      [catalogue[12]!.barcode, catalogue[13]!.barcode],
      [{ wallet: 'ALIPAY' }],
    );
    const r = await api.value<RefundAnswer>('order.refund', {
      orderId: sale.orderId,
      requestId: 'part-1',
      amountFen: 100,
      reason: '少找零',
      approval: APPROVAL,
    });
    expect(r.summary).toMatchObject({
      state: 'PARTIAL',
      refundedFen: 100,
      refundableFen: sale.totalFen - 100,
    });
    expect(r.cashBackFen).toBe(0);
    // The same request again answers the same refund and prints no second slip…
    const slips = () => printer.jobs.filter((j) => j.text.includes('退款单')).length;
    await until(
      'slip',
      async () => slips(),
      (n) => n >= 2,
    );
    const again = await api.value<RefundAnswer>('order.refund', {
      orderId: sale.orderId,
      requestId: 'part-1',
      amountFen: 100,
      reason: '少找零',
      approval: APPROVAL,
    });
    expect(again.refunds).toEqual(r.refunds);
    expect(again.slipJob).toBeNull();
    // …but the same request with another amount is refused, clearly.
    const other = await api.call('order.refund', {
      orderId: sale.orderId,
      requestId: 'part-1',
      amountFen: 200,
      reason: '少找零',
      approval: APPROVAL,
    });
    expect(other.json.error).toMatchObject({ code: 'REFUND_REQUEST_REUSED', field: 'requestId' });
    expect(other.json.error?.messageZh).toMatch(/其他金额/);
    const found = await api.value<{ orders: { orderId: string; state: string }[] }>(
      'order.search',
      {
        status: 'partly_refunded',
      },
    );
    expect(found.orders.map((o) => o.orderId)).toEqual([sale.orderId]);
  });

  it('a reprint by the cashier needs an approval; it prints a marked copy and names the approver', async () => {
    const { sale } = await sell(api, [catalogue[20]!.barcode], [{ cash: 100_000 }]);
    const alone = await api.call('receipt.reprint', { orderId: sale.orderId });
    expect(alone.json.error).toMatchObject({ code: 'FORBIDDEN', need: { approval: true } });
    const copy = await api.value<{ job: { jobId: string } }>('receipt.reprint', {
      orderId: sale.orderId,
      approval: APPROVAL,
    });
    expect(copy.job.jobId).toBeTruthy();
    await until(
      'the copy on paper',
      async () => printer.jobs.at(-1)?.text ?? '',
      (t) => t.includes('重打印'),
    );
    const row = db()
      .prepare("SELECT actor, approver FROM audit_log WHERE action = 'receipt.reprint'")
      .get();
    expect(row).toEqual({ actor: '1001', approver: '8001' });
  });
});
