import { Agent } from 'node:https';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAlipayGateway } from '../../../electron/gateway/alipay/client';
import { requestSignContent, rsa2Sign, rsa2Verify } from '../../../electron/gateway/alipay/sign';
import { createWechatGateway } from '../../../electron/gateway/wechat/client';
import { verifyWechatSign, wechatSign } from '../../../electron/gateway/wechat/sign';
import { decodeXml, encodeXml } from '../../../electron/gateway/wechat/xml';
import { req, startEmulator } from './emulator-harness';
import { startHostileServer } from './hostile-server';

type Emu = Awaited<ReturnType<typeof startEmulator>>;

describe('WeChat and Alipay wire checks against the emulator', () => {
  let h: Emu;
  beforeEach(async () => {
    h = await startEmulator('wechat');
  });
  afterEach(() => h.sandbox.close());

  it('WeChat MD5 sign type works end to end as well as HMAC-SHA256 (with an unused cert agent)', async () => {
    const md5 = createWechatGateway({
      baseUrl: h.sandbox.url,
      ...h.sandbox.wechat,
      signType: 'MD5',
      certAgent: new Agent(),
    });
    const r = req('WECHAT', '0001');
    expect(await md5.pay(r)).toMatchObject({ outcome: 'PAID' });
    expect(await md5.cancel({ clientSn: r.clientSn })).toMatchObject({ outcome: 'CANCELED' });
  });

  it('WeChat with the wrong API key: return_code FAIL → UNKNOWN, nobody charged', async () => {
    const forger = createWechatGateway({
      baseUrl: h.sandbox.url,
      ...h.sandbox.wechat,
      apiKey: 'f'.repeat(32),
    });
    expect(await forger.pay(req('WECHAT', '0001'))).toMatchObject({
      outcome: 'UNKNOWN',
      errorCode: 'RETURN_FAIL',
      errorMessage: '签名错误',
    });
    expect(h.sandbox.ledger()).toEqual([]);
  });

  it('WeChat under another mch_id is refused', async () => {
    const other = createWechatGateway({
      baseUrl: h.sandbox.url,
      ...h.sandbox.wechat,
      mchId: '1900000999',
    });
    expect(await other.pay(req('WECHAT', '0001'))).toMatchObject({ outcome: 'UNKNOWN' });
    expect(h.sandbox.ledger()).toEqual([]);
  });

  it('Alipay signed with a key Alipay does not know: unsigned error_response → UNKNOWN, nobody charged', async () => {
    const a = h.sandbox.alipay;
    const forger = createAlipayGateway({
      baseUrl: h.sandbox.url,
      appId: a.appId,
      privateKeyPem: a.alipayPrivateKeyPem,
      alipayPublicKeyPem: a.alipayPublicKeyPem,
    });
    expect(await forger.pay(req('ALIPAY', '0001'))).toMatchObject({ outcome: 'UNKNOWN' });
    expect(h.sandbox.ledger()).toEqual([]);
  });

  it('Alipay client that trusts the wrong public key refuses even a genuine success', async () => {
    const a = h.sandbox.alipay;
    const paranoid = createAlipayGateway({
      baseUrl: h.sandbox.url,
      appId: a.appId,
      privateKeyPem: a.appPrivateKeyPem,
      alipayPublicKeyPem: a.appPublicKeyPem,
    });
    expect(await paranoid.pay(req('ALIPAY', '0001'))).toMatchObject({
      outcome: 'UNKNOWN',
      errorCode: 'BAD_SIGNATURE',
    });
    expect(h.sandbox.ledger()[0]?.state).toBe('charged');
  });

  it('WeChat query and refund by transaction_id (sn) work', async () => {
    const r = req('WECHAT', '0001');
    const paid = await h.gateway.pay(r);
    expect(await h.gateway.query({ sn: paid.sn ?? '' })).toMatchObject({
      outcome: 'PAID',
      tradeNo: paid.tradeNo,
    });
    const refund = await h.gateway.refund({
      ref: { sn: paid.sn ?? '' },
      refundNo: 'R1',
      amountFen: 1250,
      totalFen: 1250,
    });
    expect(refund).toMatchObject({ outcome: 'REFUNDED', refundFen: 1250 });
    expect(
      await h.gateway.refund({
        ref: { clientSn: r.clientSn },
        refundNo: 'R9',
        amountFen: 1,
        totalFen: 999,
      }),
    ).toMatchObject({ outcome: 'FAILED', errorCode: 'PARAM_ERROR' });
  });
});

describe('what the adapters put on the wire (hostile loopback server)', () => {
  let server: Awaited<ReturnType<typeof startHostileServer>>;
  beforeAll(async () => {
    server = await startHostileServer();
  });
  afterAll(() => server.close());
  const KEY = 'k'.repeat(32);
  const wx = () =>
    createWechatGateway({
      baseUrl: server.url,
      appId: 'wx1',
      mchId: 'm1',
      apiKey: KEY,
      timeoutMs: 400,
    });

  it('WeChat micropay: flat XML, HMAC-SHA256 signed, fen amount, the documented fields', async () => {
    server.set((_r, res) => res.end(encodeXml({ return_code: 'FAIL', return_msg: 'x' })));
    await wx().pay({
      clientSn: 'T1',
      amountFen: 1250,
      authCode: '134567890123450001',
      subject: '矿泉水',
      operator: 'c',
    });
    const seen = server.seen.at(-1);
    expect(seen?.path).toBe('/pay/micropay');
    const f = decodeXml(seen?.body ?? '');
    expect(f).toMatchObject({
      appid: 'wx1',
      mch_id: 'm1',
      out_trade_no: 'T1',
      total_fee: '1250',
      auth_code: '134567890123450001',
      body: '矿泉水',
      sign_type: 'HMAC-SHA256',
    });
    expect(verifyWechatSign(f ?? {}, KEY, 'HMAC-SHA256')).toBe(true);
  });

  it('WeChat: a correctly signed SUCCESS for another merchant or amount is MISMATCH, never PAID', async () => {
    for (const over of [{ mch_id: 'm2' }, { total_fee: '1' }, { out_trade_no: 'T2' }]) {
      const f = {
        return_code: 'SUCCESS',
        appid: 'wx1',
        mch_id: 'm1',
        result_code: 'SUCCESS',
        out_trade_no: 'T1',
        total_fee: '1250',
        transaction_id: '42',
        ...over,
      };
      server.set((_r, res) =>
        res.end(encodeXml({ ...f, sign: wechatSign(f, KEY, 'HMAC-SHA256') })),
      );
      expect(
        await wx().pay({
          clientSn: 'T1',
          amountFen: 1250,
          authCode: '134567890123450001',
          subject: 's',
          operator: 'c',
        }),
      ).toMatchObject({ outcome: 'UNKNOWN', errorCode: 'MISMATCH' });
    }
  });

  it('WeChat reverse: no reply at all → UNKNOWN with retry (call reverse again)', async () => {
    server.set((r) => r.socket.destroy());
    expect(await wx().cancel({ clientSn: 'T1' })).toMatchObject({
      outcome: 'UNKNOWN',
      errorCode: 'NETWORK_ERROR',
      retry: true,
    });
    expect(server.seen.at(-1)?.path).toBe('/secapi/pay/reverse');
  });

  it('WeChat: a stalled body times out', async () => {
    server.set((_r, res) => {
      res.writeHead(200);
      res.write('<xml><return_code>');
    });
    expect(await wx().query({ clientSn: 'T1' })).toMatchObject({
      outcome: 'UNKNOWN',
      errorCode: 'NETWORK_TIMEOUT',
    });
  });

  it('Alipay trade.pay: RSA2-signed form to /gateway.do, yuan with 2 decimals, bar_code scene', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const app = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const ali = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const inner =
      '{"code":"10000","msg":"Success","out_trade_no":"T1","trade_no":"2026","total_amount":"0.05"}';
    server.set((_r, res) =>
      res.end(`{"alipay_trade_pay_response":${inner},"sign":"${rsa2Sign(inner, ali.privateKey)}"}`),
    );
    const gw = createAlipayGateway({
      baseUrl: server.url,
      appId: '2021',
      privateKeyPem: app.privateKey,
      alipayPublicKeyPem: ali.publicKey,
      timeoutMs: 2_000,
      now: () => Date.UTC(2026, 10, 25, 2, 0, 0),
    });
    expect(
      await gw.pay({
        clientSn: 'T1',
        amountFen: 5,
        authCode: '287654321098760001',
        subject: '糖',
        operator: 'c',
      }),
    ).toMatchObject({ outcome: 'PAID', amountFen: 5, tradeNo: '2026' });
    const seen = server.seen.at(-1);
    expect(seen?.path).toBe('/gateway.do');
    const params = Object.fromEntries(new URLSearchParams(seen?.body ?? ''));
    expect(params).toMatchObject({
      app_id: '2021',
      method: 'alipay.trade.pay',
      sign_type: 'RSA2',
      charset: 'utf-8',
      version: '1.0',
      timestamp: '2026-11-25 10:00:00',
    });
    expect(JSON.parse(params.biz_content ?? '')).toMatchObject({
      out_trade_no: 'T1',
      scene: 'bar_code',
      auth_code: '287654321098760001',
      total_amount: '0.05',
    });
    expect(rsa2Verify(requestSignContent(params), params.sign ?? '', app.publicKey)).toBe(true);
  });
});
