import { TillError } from '../../shared/errors';
import { checkProductCode } from '../../shared/selling/gtin';
import { mulDivRound, weighedFen } from '../../shared/selling/pricing';
import type { ProductView } from '../../shared/selling/schemas';
import { isScaleCode, readScaleCode, type ScaleFormat } from '../../shared/selling/scale';
import { splitQty } from '../../shared/selling/qty';
import { gramsPerUnit } from '../../shared/selling/units';
import type { Repos } from '../store';
import type { NewLine } from '../store/sales';

/** What a scan adds: counted goods (merged into their line) or a line of its own (a scale label). */
export type Addition =
  { kind: 'item'; product: ProductView; qty: number } | { kind: 'line'; line: NewLine };

const sellable = (p: ProductView | null, missing: TillError): ProductView => {
  if (!p) throw missing;
  if (!p.active) throw new TillError('PRODUCT_INACTIVE', 'barcode', p.barcode);
  return p;
};

/** A scale label: the PLU names the product; the label carries its price or its weight. */
function weighedLine(code: string, format: ScaleFormat, repos: Pick<Repos, 'products'>): NewLine {
  const reading = readScaleCode(code, format);
  if (!reading.ok) throw new TillError('BAD_SCALE_CODE', 'barcode', `${code}: ${reading.reason}`);
  const product = sellable(
    repos.products.byPlu(reading.plu),
    new TillError('UNKNOWN_PLU', 'barcode', `PLU ${reading.plu}`),
  );
  const perUnit = gramsPerUnit(product.unit);
  let amount: number;
  let grams: number | null;
  if (reading.weightG !== null) {
    if (perUnit === null) throw new TillError('NOT_WEIGHED', 'barcode', product.name);
    grams = reading.weightG;
    amount = weighedFen(product.priceFen, grams, perUnit);
  } else {
    amount = reading.priceFen;
    // The label holds the price; the weight the scale printed is worked out again from it.
    grams =
      perUnit !== null && product.priceFen > 0
        ? mulDivRound(amount, perUnit, product.priceFen)
        : null;
  }
  if (amount <= 0 || grams === 0) throw new TillError('BAD_SCALE_CODE', 'barcode', `${code}: zero`);
  return {
    kind: 'weighed',
    barcode: code,
    name: product.name,
    unit: product.unit,
    qty: 1,
    unitPriceFen: product.priceFen,
    weightG: grams,
    weightDerived: reading.weightG === null && grams !== null,
    fixedFen: amount,
  };
}

/**
 * What the cashier scanned or typed: `24*6921000100009` or a code (with `qty` from the
 * quantity key). GS1 codes must carry a right check digit; the catalogue is asked first, then
 * the shop's scale label formats.
 */
export function resolveScan(
  input: string,
  qty: number,
  repos: Pick<Repos, 'products'>,
  formats: readonly ScaleFormat[],
): Addition {
  const typed = splitQty(input);
  const code = (typed?.code ?? input).trim();
  const count = typed ? typed.qty : qty;
  if (typed && qty !== 1) throw new TillError('BAD_REQUEST', 'qty', 'quantity given twice');
  if (!Number.isInteger(count) || count < 1) throw new TillError('QTY_LIMIT', 'qty');
  const checked = checkProductCode(code);
  if (!checked.ok) {
    throw new TillError(
      checked.reason === 'check-digit' ? 'BAD_CHECK_DIGIT' : 'BAD_BARCODE',
      'barcode',
      code,
    );
  }
  const product = repos.products.find(checked.code);
  if (product)
    return { kind: 'item', product: sellable(product, new TillError('NOT_FOUND')), qty: count };
  const format = formats.find((f) => isScaleCode(checked.code, f));
  if (format) {
    if (count !== 1) throw new TillError('WEIGHED_QTY', 'qty');
    return { kind: 'line', line: weighedLine(checked.code, format, repos) };
  }
  throw new TillError('UNKNOWN_BARCODE', 'barcode', checked.code);
}
