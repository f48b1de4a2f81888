import { describe, expect, it } from 'vitest';
import { decodeXml, encodeXml } from '../../../electron/gateway/wechat/xml';

describe('WeChat flat XML codec', () => {
  it('round-trips Chinese, markup characters and a CDATA terminator inside a value', () => {
    const fields = { body: '矿泉水 <550ml> & "冰"', attach: 'a]]>b', empty: '' };
    const xml = encodeXml(fields);
    expect(xml.startsWith('<xml><body><![CDATA[')).toBe(true);
    expect(decodeXml(xml)).toEqual(fields);
  });

  it('reads WeChat-style replies: declaration, whitespace, CDATA and plain text with entities', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<xml>\n  <return_code><![CDATA[SUCCESS]]></return_code>\n  <total_fee>1250</total_fee>\n  <msg>a &lt;b&gt; &amp; &#20013;&#x6587;</msg>\n</xml>`;
    expect(decodeXml(xml)).toEqual({
      return_code: 'SUCCESS',
      total_fee: '1250',
      msg: 'a <b> & 中文',
    });
  });

  it('returns a null-prototype object, so __proto__ is just a field', () => {
    const got = decodeXml('<xml><__proto__>x</__proto__></xml>');
    expect(got?.__proto__).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it.each([
    [
      'a DOCTYPE with an entity (XXE)',
      '<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><a>&x;</a></xml>',
    ],
    ['billion laughs', '<!DOCTYPE lolz [<!ENTITY lol "lol">]><xml><a>&lol;&lol;</a></xml>'],
    ['an undeclared entity', '<xml><a>&x;</a></xml>'],
    ['a bare ampersand', '<xml><a>a & b</a></xml>'],
    ['a nested element', '<xml><a><b>1</b></a></xml>'],
    ['attributes', '<xml><a id="1">1</a></xml>'],
    ['an unterminated CDATA', '<xml><a><![CDATA[1</a></xml>'],
    ['a closing tag hidden in CDATA only', '<xml><a><![CDATA[</a>]]></xml>'],
    ['a mismatched close', '<xml><a>1</b></xml>'],
    ['a duplicate field (which one would we believe?)', '<xml><a>1</a><a>2</a></xml>'],
    ['text outside elements', '<xml>junk<a>1</a></xml>'],
    ['a missing root', '<a>1</a>'],
    ['JSON', '{"return_code":"SUCCESS"}'],
    ['an empty body', ''],
    ['a NUL character reference', '<xml><a>&#0;</a></xml>'],
    ['an out-of-range character reference', '<xml><a>&#x110000;</a></xml>'],
    ['a processing instruction inside', '<xml><?php x ?><a>1</a></xml>'],
    ['a comment', '<xml><!-- c --><a>1</a></xml>'],
  ])('refuses %s', (_name, xml) => {
    expect(decodeXml(xml)).toBeNull();
  });

  it('refuses too many fields and too long documents', () => {
    const many = `<xml>${Array.from({ length: 201 }, (_, i) => `<f${i}>1</f${i}>`).join('')}</xml>`;
    expect(decodeXml(many)).toBeNull();
    expect(decodeXml(`<xml><a>${'x'.repeat(300_000)}</a></xml>`)).toBeNull();
  });

  it('refuses to encode a field name that is not a plain XML name', () => {
    expect(() => encodeXml({ 'a><b': '1' })).toThrow();
  });

  it('keeps CDATA text that looks like markup as text', () => {
    expect(decodeXml('<xml><a><![CDATA[<b>1</b>&x;]]></a></xml>')).toEqual({ a: '<b>1</b>&x;' });
  });
});
