import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyTemplate,
  createTemplateSource,
  DEFAULT_TEMPLATE_NAME,
} from '../../../electron/receipts/template';
import type { ReceiptDoc } from '../../../printer';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir('till-template-');
afterAll(() => tmp.cleanup());

const doc: ReceiptDoc = {
  blocks: [
    { kind: 'text', text: '好邻居便利店', size: 'double' },
    { kind: 'text', text: '收银小票' },
    { kind: 'pair', left: '合计', right: '¥3.00' },
    { kind: 'text', text: '谢谢惠顾' },
    { kind: 'feed', lines: 3 },
    { kind: 'drawer' },
    { kind: 'cut' },
  ],
};

describe('receipt template (default, or a vendor’s custom file)', () => {
  it('no setting: the default, nothing to explain', () => {
    expect(createTemplateSource(undefined, tmp.dir)()).toEqual({
      kind: 'default',
      name: DEFAULT_TEMPLATE_NAME,
      file: null,
      problem: null,
      template: null,
    });
  });

  it('a valid custom file is applied: header under the store name, footer before the feed', () => {
    writeFileSync(
      join(tmp.dir, 'vendor.json'),
      JSON.stringify({
        name: '云收银 定制 v3',
        headerLines: ['地址：人民路 8 号'],
        footerLines: ['会员热线 400-800'],
      }),
    );
    const state = createTemplateSource('vendor.json', tmp.dir)();
    expect(state).toMatchObject({ kind: 'custom', name: '云收银 定制 v3', problem: null });
    const out = applyTemplate(doc, state.template);
    expect(out.blocks.map((b) => b.kind)).toEqual([
      'text',
      'text',
      'text',
      'pair',
      'text',
      'text',
      'feed',
      'drawer',
      'cut',
    ]);
    expect(out.blocks[1]).toMatchObject({ text: '地址：人民路 8 号' });
    expect(out.blocks[5]).toMatchObject({ text: '会员热线 400-800' });
    expect(applyTemplate(doc, null)).toBe(doc);
  });

  it.each([
    ['not JSON', '{ name: nope', /不是合法的 JSON/],
    [
      'a control byte in a line (it would reach the printer)',
      JSON.stringify({ name: 'x', footerLines: ['\u001bp0'] }),
      /无效/,
    ],
    ['an unknown field', JSON.stringify({ name: 'x', logo: 'a.png' }), /无效/],
    ['too long a line', JSON.stringify({ name: 'x', headerLines: ['长'.repeat(49)] }), /无效/],
  ])('an invalid file (%s) is never half-used: the default, and why', (_what, text, why) => {
    const file = join(tmp.dir, `bad-${Math.random()}.json`);
    writeFileSync(file, text);
    const state = createTemplateSource(file, tmp.dir)();
    expect(state).toMatchObject({
      kind: 'default',
      name: DEFAULT_TEMPLATE_NAME,
      file,
      template: null,
    });
    expect(state.problem).toMatch(why);
    expect(state.problem).toMatch(/已使用默认小票/);
  });

  it('a missing file falls back visibly; a file the vendor replaces is read again', () => {
    const file = join(tmp.dir, 'later.json');
    const source = createTemplateSource(file, tmp.dir);
    expect(source().problem).toMatch(/找不到定制小票文件/);
    writeFileSync(file, JSON.stringify({ name: 'v1' }));
    expect(source()).toMatchObject({ kind: 'custom', name: 'v1' });
    writeFileSync(file, JSON.stringify({ name: 'v2' }));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000)); // a later mtime
    expect(source()).toMatchObject({ kind: 'custom', name: 'v2' });
  });
});
