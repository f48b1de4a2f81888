import { describe, expect, it } from 'vitest';
import { verifyWechatSign, wechatSign } from '../../../electron/gateway/wechat/sign';

// WeChat's published "签名算法" vector (payments.md §1.8).
const fields = {
  appid: 'wxd930ea5d5a258f4f',
  body: 'test',
  device_info: '1000',
  mch_id: '10000100',
  nonce_str: 'ibuaiVcKdpRxkhJA',
};
const key = '192006250b4c09247ec02edce69f6a2d';

describe('WeChat v2 signature', () => {
  it('matches the official MD5 vector', () => {
    expect(wechatSign(fields, key, 'MD5')).toBe('9A0A8659F005D6984697E2CA0A9CF3B7');
  });

  it('matches the official HMAC-SHA256 vector', () => {
    expect(wechatSign(fields, key, 'HMAC-SHA256')).toBe(
      '6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6',
    );
  });

  it('ignores sign itself and empty values, and does not depend on field order', () => {
    const shuffled = {
      nonce_str: fields.nonce_str,
      mch_id: fields.mch_id,
      body: 'test',
      appid: fields.appid,
      device_info: '1000',
    };
    expect(wechatSign({ ...shuffled, sign: 'X', attach: '' }, key, 'MD5')).toBe(
      '9A0A8659F005D6984697E2CA0A9CF3B7',
    );
  });

  it('verifies a good sign, unknown extra fields included, and refuses tampering', () => {
    const reply = { ...fields, extra_new_field: 'x' };
    const signed = { ...reply, sign: wechatSign(reply, key, 'HMAC-SHA256') };
    expect(verifyWechatSign(signed, key, 'HMAC-SHA256')).toBe(true);
    expect(verifyWechatSign(signed, key, 'MD5')).toBe(false);
    expect(verifyWechatSign({ ...signed, body: 'tesT' }, key, 'HMAC-SHA256')).toBe(false);
    expect(
      verifyWechatSign({ ...signed, sign: signed.sign.toLowerCase() }, key, 'HMAC-SHA256'),
    ).toBe(false);
    expect(verifyWechatSign(reply, key, 'HMAC-SHA256')).toBe(false);
    expect(verifyWechatSign({ ...reply, sign: '' }, key, 'HMAC-SHA256')).toBe(false);
  });
});
