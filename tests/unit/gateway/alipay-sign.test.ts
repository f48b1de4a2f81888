import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fenToYuan, yuanToFen } from '../../../electron/gateway/alipay/money';
import { checkAlipayReply } from '../../../electron/gateway/alipay/reply';
import {
  extractSignedText,
  requestSignContent,
  rsa2Sign,
  rsa2Verify,
} from '../../../electron/gateway/alipay/sign';

const pair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const alipay = pair();
const app = pair();
const KEY = 'alipay_trade_pay_response';

describe('Alipay RSA2 request signing (payments.md §2.5)', () => {
  it('signs sorted k=v over every param but sign, sign_type included, empties dropped', () => {
    const params = {
      method: 'alipay.trade.pay',
      app_id: '2021',
      sign_type: 'RSA2',
      biz_content: '{"a":"矿泉水"}',
      notify_url: '',
      sign: 'old',
    };
    const content = requestSignContent(params);
    expect(content).toBe(
      'app_id=2021&biz_content={"a":"矿泉水"}&method=alipay.trade.pay&sign_type=RSA2',
    );
    const sig = rsa2Sign(content, app.privateKey);
    expect(rsa2Verify(content, sig, app.publicKey)).toBe(true);
    expect(rsa2Verify(`${content}x`, sig, app.publicKey)).toBe(false);
    expect(rsa2Verify(content, sig, alipay.publicKey)).toBe(false);
    expect(rsa2Verify(content, 'not base64 at all', 'not a key')).toBe(false);
  });
});

describe('Alipay reply verification over the RAW response text', () => {
  // Odd spacing and key order on purpose: re-serializing would change these bytes.
  const inner =
    '{ "code":"10000","msg":"Success", "out_trade_no":"T1","trade_no":"2026","total_amount":"12.50","note":"{\\"}"}';
  const raw = (body: string, sig: string) => `{"${KEY}" : ${body},"sign":"${sig}"}`;
  const good = raw(inner, rsa2Sign(inner, alipay.privateKey));

  it('extracts exactly the signed bytes, braces inside strings included', () => {
    expect(extractSignedText(good, KEY)).toBe(inner);
    expect(extractSignedText('{"x":1}', KEY)).toBeNull();
    expect(extractSignedText(`{"${KEY}":{"a":"}`, KEY)).toBeNull();
  });

  it('accepts the untouched reply and parses the signed text', () => {
    const c = checkAlipayReply(200, good, KEY, alipay.publicKey, {
      outTradeNo: 'T1',
      totalFen: 1250,
    });
    expect(c.ok && c.body).toMatchObject({ code: '10000', trade_no: '2026' });
  });

  it.each([
    ['a tampered amount', good.replace('12.50', '0.01'), 'BAD_SIGNATURE'],
    ['a tampered code', good.replace('10000', '10003'), 'BAD_SIGNATURE'],
    [
      'a re-serialized body',
      raw(JSON.stringify(JSON.parse(inner)), rsa2Sign(inner, alipay.privateKey)),
      'BAD_SIGNATURE',
    ],
    ['no sign', `{"${KEY}":${inner}}`, 'BAD_SIGNATURE'],
    ['signed by the app key', raw(inner, rsa2Sign(inner, app.privateKey)), 'BAD_SIGNATURE'],
    ['not JSON', '<html>', 'BAD_RESPONSE'],
    ['another response key', `{"alipay_trade_query_response":${inner},"sign":"x"}`, 'BAD_RESPONSE'],
  ])('%s → UNKNOWN %s', (_n, text, code) => {
    const c = checkAlipayReply(200, text, KEY, alipay.publicKey, {});
    expect(c.ok ? null : c.answer).toMatchObject({ outcome: 'UNKNOWN', errorCode: code });
  });

  it('a duplicate response key after the sign cannot smuggle an unsigned body in', () => {
    const evil = `${good.slice(0, -1)},"${KEY}":{"code":"10000","out_trade_no":"T1","trade_no":"EVIL","total_amount":"12.50"}}`;
    const c = checkAlipayReply(200, evil, KEY, alipay.publicKey, {});
    expect(c.ok && c.body.trade_no).toBe('2026');
  });

  it('a genuine reply about another order or amount is MISMATCH', () => {
    expect(checkAlipayReply(200, good, KEY, alipay.publicKey, { outTradeNo: 'T2' })).toMatchObject({
      ok: false,
      answer: { errorCode: 'MISMATCH' },
    });
    expect(checkAlipayReply(200, good, KEY, alipay.publicKey, { totalFen: 1251 })).toMatchObject({
      ok: false,
      answer: { errorCode: 'MISMATCH' },
    });
  });
});

describe('fen ↔ yuan without floats', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [10, '0.10'],
    [1250, '12.50'],
    [1999, '19.99'],
    [10000000000, '100000000.00'],
  ])('%i fen = %s yuan, and back', (fen, yuan) => {
    expect(fenToYuan(fen)).toBe(yuan);
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it('0.1 + 0.2 style values stay exact; bad strings are refused', () => {
    expect(yuanToFen('0.3')).toBe(30);
    expect(yuanToFen('1')).toBe(100);
    for (const bad of ['-1.00', '1.234', '1e3', ' 1', '', '.5', 'NaN', '1,00'])
      expect(yuanToFen(bad)).toBeNull();
    expect(() => fenToYuan(1.5)).toThrow();
    expect(() => fenToYuan(-1)).toThrow();
  });
});
