/**
 * The flat XML of WeChat Pay v2 (payments.md §1.2): `<xml><k><![CDATA[v]]></k>…</xml>`.
 * Hand-written rather than a general XML parser on purpose: it accepts exactly one level of
 * elements, so DOCTYPE/ENTITY (XXE, billion laughs), nesting, attributes and processing
 * tricks are refused instead of interpreted. Replies are untrusted; null means "not ours".
 */

export type XmlFields = Record<string, string>;

const MAX_FIELDS = 200;
const MAX_CHARS = 256 * 1024;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** CDATA cannot contain `]]>`; split it across two sections, as XML writers do. */
const cdata = (v: string) => `<![CDATA[${v.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

export function encodeXml(fields: XmlFields): string {
  const parts = Object.entries(fields).map(([k, v]) => {
    if (!NAME.test(k)) throw new Error(`bad XML field name: ${k}`);
    return `<${k}>${cdata(v)}</${k}>`;
  });
  return `<xml>${parts.join('')}</xml>`;
}

function decodeText(raw: string): string | null {
  // A `<` here would be a child element; a bare `&` is malformed XML.
  if (raw.includes('<') || /&(?!(?:[a-z]+|#\d{1,7}|#x[0-9a-fA-F]{1,6});)/.test(raw)) return null;
  let bad = false;
  const out = raw.replace(/&([a-z]+|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (_m, name: string) => {
    const cp = !name.startsWith('#')
      ? undefined
      : name[1] === 'x'
        ? parseInt(name.slice(2), 16)
        : parseInt(name.slice(1), 10);
    const value =
      cp === undefined
        ? ENTITIES[name]
        : cp > 0 && cp <= 0x10ffff
          ? String.fromCodePoint(cp)
          : undefined;
    if (value === undefined) bad = true;
    return value ?? '';
  });
  return bad ? null : out;
}

/** One element value: any mix of CDATA sections and plain text, no child elements. */
function decodeValue(inner: string): string | null {
  let out = '';
  let rest = inner;
  while (rest.length > 0) {
    const start = rest.indexOf('<![CDATA[');
    const text = start === -1 ? rest : rest.slice(0, start);
    const decoded = decodeText(text);
    if (decoded === null) return null;
    out += decoded;
    if (start === -1) break;
    const end = rest.indexOf(']]>', start + 9);
    if (end === -1) return null;
    out += rest.slice(start + 9, end);
    rest = rest.slice(end + 3);
  }
  return out;
}

export function decodeXml(text: string): XmlFields | null {
  if (text.length > MAX_CHARS) return null;
  const body = text
    .trim()
    .replace(/^<\?xml[^?]*\?>\s*/, '')
    .trim();
  if (!body.startsWith('<xml>') || !body.endsWith('</xml>')) return null;
  let rest = body.slice(5, -6);
  const fields: XmlFields = Object.create(null) as XmlFields;
  let count = 0;
  while ((rest = rest.trimStart()).length > 0) {
    const open = /^<([A-Za-z_][A-Za-z0-9_]{0,63})>/.exec(rest);
    if (!open?.[1]) return null;
    const name = open[1];
    const close = `</${name}>`;
    const after = rest.slice(open[0].length);
    const end = findClose(after, close);
    if (end === -1) return null;
    const value = decodeValue(after.slice(0, end));
    if (value === null || name in fields || ++count > MAX_FIELDS) return null;
    fields[name] = value;
    rest = after.slice(end + close.length);
  }
  return fields;
}

/** The closing tag, skipping over CDATA sections (whose text may contain anything). */
function findClose(s: string, close: string): number {
  let i = 0;
  for (;;) {
    const c = s.indexOf('<![CDATA[', i);
    const e = s.indexOf(close, i);
    if (e === -1) return -1;
    if (c === -1 || e < c) return e;
    const cEnd = s.indexOf(']]>', c + 9);
    if (cEnd === -1) return -1;
    i = cEnd + 3;
  }
}
