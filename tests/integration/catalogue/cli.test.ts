import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSheet } from '../../../electron/catalogue/readFile';
import { ean, writeCsv, writeXlsx } from '../../helpers/catalogueFiles';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir('till-catalogue-cli-');
afterAll(() => tmp.cleanup());

/** `npm run catalogue -- …` as the shop runs it: a child process on the till's data folder. */
function catalogue(...args: string[]) {
  const r = spawnSync(process.execPath, [resolve('dist/host/start.cjs'), 'catalogue', ...args], {
    env: { ...process.env, TILL_DATA_DIR: join(tmp.dir, 'data') },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run catalogue', () => {
  it('imports nothing from a file with bad rows and says which rows and why', async () => {
    const file = join(tmp.dir, '商品.xlsx');
    await writeXlsx(file, [
      ['条码', '品名', '售价', '单位', '类别'],
      [ean('692100010000'), '农夫山泉', 2, '瓶', '饮料'],
      ['6921000100008', '校验位错', 2, '瓶', '饮料'],
      [ean('692100010001'), '怪单位', 2, '吨', '饮料'],
    ]);
    const refused = catalogue('import', file);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(
      '第 3 行 row 3: 条码校验位错误 bad EAN/UPC check digit: 6921000100008',
    );
    expect(refused.out).toContain('第 4 行 row 4: 未知单位 unknown unit: 吨');
    expect(refused.out).toContain('未导入任何商品');
    expect(JSON.parse(catalogue('info').out)).toMatchObject({ version: 0, products: 0 });

    const skipped = catalogue('import', file, '--skip-bad');
    expect(skipped.code).toBe(0);
    expect(skipped.out).toMatch(
      /新增 added 1, 修改 changed 0, 未变 unchanged 0; 商品库版本 catalogue version 1/,
    );
    expect(JSON.parse(catalogue('info').out)).toMatchObject({ version: 1, products: 1 });
  });

  it('exports CSV that reads back, and refuses a wrong command with its usage', async () => {
    const csv = join(tmp.dir, 'good.csv');
    writeCsv(csv, [
      ['barcode', 'name', 'price', 'unit'],
      [ean('692100010002'), '可口可乐', '3.50', '瓶'],
    ]);
    expect(catalogue('import', csv).code).toBe(0);
    const out = join(tmp.dir, 'out.csv');
    expect(catalogue('export', out)).toMatchObject({ code: 0 });
    expect(existsSync(out)).toBe(true);
    const sheet = await readSheet(out);
    expect(sheet.header.slice(0, 3)).toEqual(['条码', '品名', '售价']);
    expect(sheet.rows.map((r) => r.cells.slice(0, 3))).toEqual([
      [ean('692100010000'), '农夫山泉', '2.00'],
      [ean('692100010002'), '可口可乐', '3.50'],
    ]);
    expect(catalogue('frobnicate').code).toBe(2);
    expect(catalogue('import').out).toContain('npm run catalogue');
  });
});
