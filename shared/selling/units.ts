/**
 * Units a product may be sold in. Goods sold by weight are priced per kilogram (千克/公斤/kg) or
 * per 斤 (500 g, how Chinese markets price produce); everything else is sold by the piece.
 */
export const COUNT_UNITS = [
  '个',
  '件',
  '瓶',
  '罐',
  '听',
  '盒',
  '袋',
  '包',
  '桶',
  '杯',
  '支',
  '条',
  '块',
  '片',
  '根',
  '只',
  '双',
  '对',
  '套',
  '本',
  '张',
  '卷',
  '提',
  '排',
  '板',
  '箱',
  '份',
  '把',
  '束',
  '台',
  '组',
  '串',
  '粒',
  '副',
  '顶',
  '管',
  '枚',
  '扎',
  '捆',
  '筒',
  '碗',
  '盆',
  '棵',
] as const;

/** Grams in one pricing unit of a product sold by weight. */
export const WEIGHT_UNITS: Readonly<Record<string, number>> = {
  千克: 1000,
  公斤: 1000,
  kg: 1000,
  KG: 1000,
  斤: 500,
};

const COUNT = new Set<string>(COUNT_UNITS);

/** '' (not given) is allowed: the product is sold by the piece with no unit printed. */
export function isKnownUnit(unit: string): boolean {
  return unit === '' || COUNT.has(unit) || unit in WEIGHT_UNITS;
}

/** Grams per pricing unit, or null when the product is not sold by weight. */
export function gramsPerUnit(unit: string): number | null {
  return WEIGHT_UNITS[unit] ?? null;
}
