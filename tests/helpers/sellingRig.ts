import { importSheet } from '../../electron/catalogue/importer';
import type { Sheet } from '../../electron/catalogue/readFile';
import { createAdjustService } from '../../electron/services/adjust';
import { createPinApprover } from '../../electron/services/approval';
import { createCustomerDisplay } from '../../electron/services/display';
import { createHoldService } from '../../electron/services/hold';
import { DEFAULT_LIMITS, type Limits } from '../../electron/services/limits';
import { createSaleService } from '../../electron/services/sale';
import { parseScaleFormat } from '../../shared/selling/scale';
import { ean } from './catalogueFiles';
import { engineRig } from './engineRig';

export const PIN = '8642';
export const WATER = ean('692100010000');
export const COLA = ean('692100010001');
/** A UPC-A (12 digits), kept as the EAN-13 '0' + UPC-A. */
export const UPC_A = '036000291452';
/** Sold by weight, per 千克, on the scale as PLU 12; per 斤 as PLU 13. */
export const PORK = { barcode: '10012', plu: '12', perKgFen: 2580 };
export const GREENS = { barcode: '10013', plu: '13', perJinFen: 399 };
/** Sold by the piece, with scale price labels: PLU 20. */
export const DELI = { barcode: '10020', plu: '20', priceFen: 1500 };

/** Price labels start 20, weight labels 21 (docs/scale-barcodes.md). */
export const FORMATS = ['20PPPPPEEEEEC', '21PPPPPWWWWWC'].map(parseScaleFormat);

/**
 * The selling services on a real SQLite file, with the real payment engine and the sandbox
 * gateway over HTTP (engineRig), a small catalogue imported through the import itself, and
 * tighter limits so tests reach them.
 */
export async function sellingRig(limits: Partial<Limits> = {}) {
  const rig = await engineRig();
  const sheet: Sheet = {
    format: 'CSV',
    encoding: 'UTF-8',
    header: ['条码', '品名', '售价(分)', '单位', 'PLU'],
    rows: [
      [WATER, '农夫山泉 550ml', 200, '瓶', ''],
      [COLA, '可口可乐 500ml', 350, '瓶', ''],
      [PORK.barcode, '五花肉', PORK.perKgFen, '千克', PORK.plu],
      [GREENS.barcode, '小白菜', GREENS.perJinFen, '斤', GREENS.plu],
      [DELI.barcode, '卤牛肉 一份', DELI.priceFen, '份', DELI.plu],
      [UPC_A, '进口巧克力', 990, '块', ''],
    ].map((cells, i) => ({ line: i + 2, cells })),
  };
  importSheet(rig.repos, sheet, {
    skipBad: false,
    source: 'test',
    actor: 't',
    at: '2026-11-25T09:00:00Z',
  });
  const all: Limits = { ...DEFAULT_LIMITS, lineQty: 30, saleLines: 6, ...limits };
  let actor = '王芳';
  const sales = createSaleService({
    repos: rig.repos,
    clock: rig.clock,
    events: rig.events,
    cashier: '王芳',
    limits: all,
    scaleFormats: FORMATS,
  });
  const common = {
    repos: rig.repos,
    sales,
    clock: rig.clock,
    limits: all,
    approve: createPinApprover(PIN, rig.clock.now),
    actor: () => actor,
  };
  const display = createCustomerDisplay({
    repos: rig.repos,
    events: rig.events,
    clock: rig.clock,
    current: sales.current,
    storeName: '测试店',
    sandbox: true,
  });
  return {
    ...rig,
    sales,
    holds: createHoldService(common),
    adjust: createAdjustService(common),
    display,
    limits: all,
    signIn: (name: string) => {
      actor = name;
    },
  };
}
export type SellingRig = Awaited<ReturnType<typeof sellingRig>>;

/** The error code a service call throws. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
  return 'no error';
}
