import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  authorizationHeader,
  signBody,
  verifyAuthorization,
} from '../../../electron/gateway/upay/sign';

const body = '{"terminal_sn":"100000990000001","client_sn":"T20261125000001","total_amount":"1"}';
const key = '8c1a2f6b0d3e4a5b9c7d6e5f4a3b2c1d';

describe('upay signature', () => {
  it('is lowercase hex MD5 of body followed by key (independent known answer)', () => {
    const expected = createHash('md5').update(`${body}${key}`, 'utf8').digest('hex');
    expect(signBody(body, key)).toBe(expected);
    expect(signBody(body, key)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('matches a fixed vector: md5("abc") is the RFC 1321 value', () => {
    expect(signBody('ab', 'c')).toBe('900150983cd24fb0d6963f7d28e17f72');
  });

  it('hashes UTF-8 bytes, so Chinese subjects sign the same on both sides', () => {
    const cn = '{"subject":"矿泉水"}';
    const expected = createHash('md5')
      .update(Buffer.from(cn + key, 'utf8'))
      .digest('hex');
    expect(signBody(cn, key)).toBe(expected);
  });

  it('verifies its own header and refuses a wrong key, sn, body or uppercase hex', () => {
    const header = authorizationHeader('100000990000001', body, key);
    expect(verifyAuthorization(header, body, '100000990000001', key)).toBe(true);
    expect(verifyAuthorization(header, body, '100000990000001', `${key}x`)).toBe(false);
    expect(verifyAuthorization(header, body, '100000990000002', key)).toBe(false);
    expect(verifyAuthorization(header, `${body} `, '100000990000001', key)).toBe(false);
    const upper = `100000990000001 ${signBody(body, key).toUpperCase()}`;
    expect(verifyAuthorization(upper, body, '100000990000001', key)).toBe(false);
    expect(verifyAuthorization(undefined, body, '100000990000001', key)).toBe(false);
    expect(verifyAuthorization(`${header} extra`, body, '100000990000001', key)).toBe(false);
  });
});
