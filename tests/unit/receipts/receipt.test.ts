import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReceiptDoc, type ReceiptInput } from '../../../electron/receipts/model';
import { writeFileAtomic, writePrintTxt } from '../../../electron/receipts/printTxt';
import {
  decodeEscPos,
  encodeEscPos,
  layoutReceipt,
  PROFILES,
  renderText,
  textWidth,
} from '../../../printer';
import type { Payment } from '../../../shared/domain';
import { saleLine, saleOf } from '../../helpers/saleFixtures';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir('till-receipt-');
afterAll(() => tmp.cleanup());

const payment = (over: Partial<Payment> = {}): Payment => ({
  paymentId: 'p',
  orderId: 'O1',
  method: 'WECHAT',
  merchantOrderNo: '202611251200000112345678',
  platformOrderNo: '7894561230123456',
  thirdPartyOrderNo: '4200001234202611251234567890',
  amountFen: 1290,
  receivedFen: null,
  changeFen: null,
  state: 'PAID',
  reasonCode: null,
  reasonText: null,
  createdAt: '',
  updatedAt: '',
  deadlineAt: null,
  ...over,
});
const input = (over: Partial<ReceiptInput> = {}): ReceiptInput => ({
  storeName: '好邻居便利店',
  cashier: '王芳',
  tillNo: '01',
  printedAt: '2026-11-25 12:00:00',
  sale: saleOf({
    orderId: 'O1',
    status: 'PAID',
    lines: [
      saleLine({
        lineNo: 1,
        barcode: '1',
        name: '湾仔码头玉米猪肉水饺 720g 家庭装超长名称测试',
        qty: 1,
        unitPriceFen: 990,
      }),
      saleLine({ lineNo: 2, barcode: '2', name: 'Coca-Cola 可口可乐', qty: 2, unitPriceFen: 150 }),
    ],
  }),
  payments: [payment()],
  ...over,
});

describe('receipt', () => {
  it('carries store, cashier, time, the three order numbers, lines, total, method and a QR of the merchant no.', () => {
    for (const profile of Object.values(PROFILES)) {
      const laid = layoutReceipt(buildReceiptDoc(input()), profile);
      const text = renderText(laid);
      for (const s of [
        '好邻居便利店',
        '王芳',
        '2026-11-25 12:00:00',
        '微信支付',
        '12.90',
        '7894561230123456',
        '4200001234202611251234567890',
      ]) {
        expect(text, `${profile.id}: ${s}`).toContain(s);
      }
      expect(text.replace(/\s/g, '')).toContain('湾仔码头玉米猪肉水饺720g家庭装超长名称测试');
      for (const line of text.split('\n'))
        expect(textWidth(line)).toBeLessThanOrEqual(profile.columns);
      const job = decodeEscPos(encodeEscPos(laid));
      expect(job.qrCodes).toEqual(['202611251200000112345678']);
      expect(job.chineseMode).toBe(true);
      expect(job.cuts).toBe(1);
      expect(job.drawerKicks).toBe(0);
    }
  });

  it('cash shows change; no receipt carries a drawer kick (the drawer is its own command); a reprint says so', () => {
    const cash = input({
      payments: [
        payment({
          method: 'CASH',
          receivedFen: 2000,
          changeFen: 710,
          platformOrderNo: null,
          thirdPartyOrderNo: null,
        }),
      ],
    });
    const job = decodeEscPos(encodeEscPos(layoutReceipt(buildReceiptDoc(cash))));
    expect(job.drawerKicks).toBe(0);
    expect(job.text).toContain('找零');
    expect(job.text).toContain('7.10');
    expect(job.text).not.toContain('平台订单号');
    const copy = decodeEscPos(
      encodeEscPos(layoutReceipt(buildReceiptDoc({ ...cash, copy: true }))),
    );
    expect(copy.drawerKicks).toBe(0);
    expect(copy.text).toContain('重打印');
  });

  it('a split tender lists each payment and its numbers; the QR is the wallet payment', () => {
    const split = input({
      payments: [
        payment({
          method: 'CASH',
          amountFen: 500,
          receivedFen: 500,
          changeFen: 0,
          merchantOrderNo: 'CASH1',
          platformOrderNo: null,
          thirdPartyOrderNo: null,
        }),
        payment({ method: 'ALIPAY', amountFen: 790, merchantOrderNo: 'WALLET2' }),
      ],
    });
    const job = decodeEscPos(encodeEscPos(layoutReceipt(buildReceiptDoc(split))));
    expect(job.text).toContain('支付宝');
    expect(job.text).toContain('7.90');
    expect(job.text).toContain('CASH1');
    expect(job.qrCodes).toEqual(['WALLET2']);
  });

  it('print.txt is written atomically with an archived copy per order, and no temp file is left', () => {
    const archived = writePrintTxt(tmp.dir, 'O1', '20261125', 'first');
    writePrintTxt(tmp.dir, 'O2', '20261125', '第二张');
    expect(readFileSync(join(tmp.dir, 'print.txt'), 'utf8')).toBe('第二张');
    expect(readFileSync(archived, 'utf8')).toBe('first');
    expect(existsSync(join(tmp.dir, 'receipts', '20261125', 'O2.txt'))).toBe(true);
    writeFileAtomic(join(tmp.dir, 'x', 'y.txt'), 'z');
    const leftovers = readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });
});
