import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCatalogue } from '../../../electron/catalogue/exporter';
import { importSheet, type ImportOptions } from '../../../electron/catalogue/importer';
import { readSheet } from '../../../electron/catalogue/readFile';
import { createCatalogue } from '../../../electron/catalogue/service';
import { systemClock } from '../../../electron/services/clock';
import { openRepos, type Repos } from '../../../electron/store';
import { ean, manyRows, writeCsv, writeXlsx } from '../../helpers/catalogueFiles';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir('till-catalogue-');
afterAll(() => tmp.cleanup());

let n = 0;
const store = () => openRepos(join(tmp.dir, `till-${++n}.db`));
const file = (name: string) => join(tmp.dir, `${++n}-${name}`);
const opts = (over: Partial<ImportOptions> = {}): ImportOptions => ({
  skipBad: false,
  source: 'import:test',
  actor: 'tester',
  at: '2026-11-25T08:00:00.000Z',
  ...over,
});
const HEADER = ['条码', '品名', '售价', '单位', '类别', 'PLU'];
const WATER = ean('692100010000');
const NOODLE = ean('692100010001');
const PORK = ean('200000000001');

async function importFile(repos: Repos, path: string, over: Partial<ImportOptions> = {}) {
  return importSheet(repos, await readSheet(path), opts(over));
}
const audits = (repos: Repos) =>
  repos.audit.recent().filter((a) => a.action === 'catalogue.import');

describe('catalogue import', () => {
  it('imports a CSV with Chinese headers as one catalogue version, audited, and finds it by pinyin', async () => {
    const repos = store();
    const path = file('good.csv');
    writeCsv(path, [
      HEADER,
      [WATER, '农夫山泉饮用天然水 550ml', '2.00', '瓶', '饮料', ''],
      [NOODLE, '康师傅红烧牛肉面', '4.5', '桶', '方便食品', ''],
      [PORK, '五花肉', '¥25.80', '千克', '生鲜', '00012'],
    ]);
    const report = await importFile(repos, path);
    expect(report).toMatchObject({
      format: 'CSV',
      encoding: 'UTF-8',
      rows: 3,
      added: 3,
      changed: 0,
      unchanged: 0,
      bad: [],
      imported: true,
      version: 1,
    });
    expect(repos.products.find(PORK)).toMatchObject({
      name: '五花肉',
      priceFen: 2580,
      unit: '千克',
      plu: '12',
      weighed: true,
      version: 1,
    });
    expect(repos.catalogue.info()).toMatchObject({
      version: 1,
      products: 3,
      source: 'import:test',
    });
    expect(audits(repos)).toHaveLength(1);

    const catalogue = createCatalogue({ repos, clock: systemClock, actor: () => 't' });
    expect(catalogue.search('nfsq').items.map((p) => p.barcode)).toEqual([WATER]);
    expect(catalogue.search('nongfu').items.map((p) => p.barcode)).toEqual([WATER]);
    expect(catalogue.search('红烧').items.map((p) => p.barcode)).toEqual([NOODLE]);
    expect(catalogue.search('hsnrm').items.map((p) => p.barcode)).toEqual([NOODLE]); // inside the name
    expect(catalogue.search('12').items.map((p) => p.barcode)).toEqual([PORK]); // its PLU
    expect(catalogue.search('xyz').items).toEqual([]);
  });

  it('counts unchanged and changed rows; nothing changed makes no new version', async () => {
    const repos = store();
    const path = file('v1.csv');
    writeCsv(path, [
      HEADER,
      [WATER, '农夫山泉', '2.00', '瓶', '', ''],
      [NOODLE, '面', '4.50', '桶', '', ''],
    ]);
    await importFile(repos, path);
    expect(await importFile(repos, path)).toMatchObject({
      added: 0,
      changed: 0,
      unchanged: 2,
      version: null,
    });
    const v2 = file('v2.csv');
    writeCsv(v2, [
      HEADER,
      [WATER, '农夫山泉', '2.50', '瓶', '', ''],
      [NOODLE, '面', '4.50', '桶', '', ''],
    ]);
    expect(await importFile(repos, v2)).toMatchObject({
      added: 0,
      changed: 1,
      unchanged: 1,
      version: 2,
    });
    expect(repos.products.find(WATER)).toMatchObject({ priceFen: 250, version: 2 });
    expect(repos.products.find(NOODLE)).toMatchObject({ version: 1 });
    expect(repos.catalogue.current()).toBe(2);
  });

  it('lists every kind of bad row with its reason and imports nothing', async () => {
    const repos = store();
    const path = file('bad.csv');
    const rows = [
      HEADER,
      [WATER, '好的一行', '2.00', '瓶', '', ''], // line 2: good
      ['6921000100008', '校验位错', '2.00', '瓶', '', ''], // 3
      ['6.921E+12', '科学计数法', '2.00', '瓶', '', ''], // 4
      ['12345678901', '长度不对', '2.00', '瓶', '', ''], // 5
      [NOODLE, '', '2.00', '瓶', '', ''], // 6
      [ean('692100010002'), '打开\u001b钱箱', '2.00', '瓶', '', ''], // 7
      [ean('692100010003'), '价格', 'abc', '瓶', '', ''], // 8
      [ean('692100010004'), '负价', '-1.00', '瓶', '', ''], // 9
      [ean('692100010005'), '三位小数', '1.005', '瓶', '', ''], // 10
      [ean('692100010006'), '单位', '1.00', '吨', '', ''], // 11
      [ean('692100010007'), '重复', '1.00', '瓶', '', ''], // 12
      [ean('692100010007'), '重复', '1.10', '瓶', '', ''], // 13
      [ean('692100010008'), 'PLU重复', '1.00', '千克', '', '7'], // 14
      [ean('692100010009'), 'PLU重复', '1.00', '千克', '', '007'], // 15
      [ean('692100010010'), 'PLU', '1.00', '千克', '', 'A1'], // 16
      [ean('692100010011'), '\u202e倒序', '1.00', '瓶', '', ''], // 17
    ];
    writeCsv(path, rows);
    const report = await importFile(repos, path);
    expect(report.bad.map((b) => [b.line, b.reason])).toEqual([
      [3, 'check-digit'],
      [4, 'scientific-barcode'],
      [5, 'bad-barcode'],
      [6, 'empty-name'],
      [7, 'control-character'],
      [8, 'bad-price'],
      [9, 'negative-price'],
      [10, 'bad-price'],
      [11, 'unknown-unit'],
      [12, 'duplicate-barcode'],
      [13, 'duplicate-barcode'],
      [14, 'duplicate-plu'],
      [15, 'duplicate-plu'],
      [16, 'bad-plu'],
      [17, 'control-character'],
    ]);
    expect(report).toMatchObject({ imported: false, version: null, added: 0 });
    expect(repos.products.count()).toBe(0);
    expect(repos.catalogue.current()).toBe(0);
    expect(audits(repos)).toEqual([]);

    // --skip-bad: the one good row goes in, the bad ones are still reported.
    const skipped = await importFile(repos, path, { skipBad: true });
    expect(skipped).toMatchObject({ imported: true, added: 1, version: 1 });
    expect(skipped.bad).toHaveLength(15);
    expect(repos.products.count()).toBe(1);
  });

  it('refuses a file without the columns it needs, and reports columns it does not use', async () => {
    const repos = store();
    const path = file('cols.csv');
    writeCsv(path, [
      ['条码', '名称', '进价', '备注'],
      [WATER, '水', '1.00', 'x'],
    ]);
    const report = await importFile(repos, path);
    expect(report.problems.join()).toMatch(/售价/);
    expect(report.ignoredColumns).toEqual(['进价', '备注']);
    expect(report.imported).toBe(false);
  });

  it('reads Excel-on-Windows CSV in GB18030 and XLSX with number cells and formulas', async () => {
    const repos = store();
    const gbk = file('gbk.csv');
    writeCsv(gbk, [HEADER, [WATER, '农夫山泉', '2.00', '瓶', '饮料', '']], 'gb18030');
    expect(await importFile(repos, gbk)).toMatchObject({ encoding: 'GB18030', added: 1 });
    expect(repos.products.find(WATER)?.name).toBe('农夫山泉');

    const xlsx = file('goods.xlsx');
    await writeXlsx(xlsx, [
      ['Barcode', 'Name', 'Price', 'Unit', 'Category', 'PLU', 'Status'],
      [Number(NOODLE), '康师傅红烧牛肉面', 4.5, '桶', '方便食品', null, '启用'],
      [
        Number(PORK),
        { richText: [{ text: '五花' }, { text: '肉' }] },
        { formula: '12.9*2', result: 25.8 },
        'kg',
        '生鲜',
        12,
        1,
      ],
      [Number(WATER), '农夫山泉', 19.99, '瓶', '饮料', null, '停用'],
    ]);
    const report = await importFile(repos, xlsx);
    expect(report).toMatchObject({ format: 'XLSX', added: 2, changed: 1, bad: [] });
    expect(repos.products.find(PORK)).toMatchObject({ name: '五花肉', priceFen: 2580, plu: '12' });
    expect(repos.products.find(WATER)).toMatchObject({ priceFen: 1999, active: false });
  });

  it('is one transaction: a failure part-way leaves the store as it was', async () => {
    const repos = store();
    const path = file('fail.csv');
    writeCsv(path, [HEADER, ...manyRows(500)]);
    const last = manyRows(500)[499]![0]!;
    repos.db.exec(
      `CREATE TEMP TRIGGER boom BEFORE INSERT ON products WHEN NEW.barcode = '${last}'
       BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    await expect(importFile(repos, path)).rejects.toThrow(/disk full/);
    expect(repos.products.count()).toBe(0);
    expect(repos.catalogue.current()).toBe(0);
    expect(audits(repos)).toEqual([]);
  });

  it('imports 50,000 rows, then exports them (CSV and XLSX) and re-imports them unchanged', async () => {
    const repos = store();
    const path = file('big.csv');
    writeCsv(path, [['条码', '品名', '售价', '单位', '类别'], ...manyRows(50_000)]);
    const report = await importFile(repos, path);
    expect(report).toMatchObject({ rows: 50_000, added: 50_000, bad: [], version: 1 });
    expect(repos.products.count()).toBe(50_000);
    const catalogue = createCatalogue({ repos, clock: systemClock, actor: () => 't' });
    expect(catalogue.search('ksf').items).toHaveLength(20);

    const out = file('export.csv');
    expect(await exportCatalogue(repos.products.all(), out)).toBe(50_000);
    expect(await importFile(repos, out)).toMatchObject({
      unchanged: 50_000,
      changed: 0,
      version: null,
    });
  }, 120_000);

  it('exports XLSX with barcodes as text and reads it back unchanged', async () => {
    const repos = store();
    const path = file('small.csv');
    writeCsv(path, [
      HEADER,
      ['0036000291452', 'UPC 商品', '9.90', '个', '', ''],
      [PORK, '五花肉', '25.80', '千克', '生鲜', '12'],
    ]);
    await importFile(repos, path);
    const out = file('export.xlsx');
    await exportCatalogue(repos.products.all(), out);
    const sheet = await readSheet(out);
    expect(sheet.header).toEqual(['条码', '品名', '售价', '单位', '类别', 'PLU', '状态']);
    expect(sheet.rows[0]?.cells[0]).toBe('0036000291452'); // the leading zero survives
    expect(await importFile(repos, out)).toMatchObject({ unchanged: 2 });
  });
});
