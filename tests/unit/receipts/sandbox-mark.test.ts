import { describe, expect, it } from 'vitest';
import { buildReceiptDoc, type ReceiptInput } from '../../../electron/receipts/model';
import { SANDBOX_MARK } from '../../../electron/receipts/sandboxMark';
import { decodeEscPos, encodeEscPos, layoutReceipt, PROFILES, renderText } from '../../../printer';
import { saleLine, saleOf } from '../../helpers/saleFixtures';

const input = (sandbox: boolean | undefined, copy = false): ReceiptInput => ({
  storeName: '好邻居便利店',
  cashier: '王芳',
  tillNo: '01',
  printedAt: '2026-11-25 12:00:00',
  copy,
  ...(sandbox === undefined ? {} : { sandbox }),
  sale: saleOf({
    orderId: 'O1',
    status: 'PAID',
    lines: [
      saleLine({ lineNo: 1, barcode: '1', name: '农夫山泉 550ml', qty: 1, unitPriceFen: 300 }),
    ],
  }),
  payments: [
    {
      paymentId: 'p',
      orderId: 'O1',
      method: 'WECHAT',
      merchantOrderNo: '202611251200000112345678',
      platformOrderNo: '7894561230123456',
      thirdPartyOrderNo: '4200001234202611251234567890',
      amountFen: 300,
      receivedFen: null,
      changeFen: null,
      state: 'PAID',
      reasonCode: null,
      reasonText: null,
      createdAt: '',
      updatedAt: '',
      deadlineAt: null,
    },
  ],
});
/** The paper as the decoder reads it back from the ESC/POS bytes, line breaks removed. */
const paper = (r: ReceiptInput, profile = PROFILES['80mm']!) =>
  decodeEscPos(encodeEscPos(layoutReceipt(buildReceiptDoc(r), profile))).text;
const flat = (s: string) => s.replace(/\s+/g, '');
const count = (text: string, what: string) => flat(text).split(flat(what)).length - 1;

describe('the sandbox mark on paper', () => {
  it.each(Object.values(PROFILES))(
    'sandbox receipts decode with the mark at head and foot ($id)',
    (profile) => {
      const decoded = paper(input(true), profile);
      expect(count(decoded, SANDBOX_MARK)).toBe(2);
      // print.txt is laid out from the same model and carries it too.
      expect(
        count(renderText(layoutReceipt(buildReceiptDoc(input(true)), profile)), SANDBOX_MARK),
      ).toBe(2);
      // A reprint of a sandbox sale is still a test receipt.
      expect(count(paper(input(true, true), profile), SANDBOX_MARK)).toBe(2);
    },
  );

  it('on 80 mm paper the mark is one whole line', () => {
    const lines = paper(input(true))
      .split('\n')
      .map((l) => l.trim());
    expect(lines.filter((l) => l === SANDBOX_MARK)).toHaveLength(2);
  });

  it('live receipts carry no mark, nor any part of it', () => {
    for (const r of [input(false), input(undefined), input(false, true)]) {
      const decoded = paper(r);
      expect(decoded).not.toContain('SANDBOX');
      expect(decoded).not.toContain('测试小票');
      expect(decoded).not.toContain('不作为支付凭证');
    }
  });
});
