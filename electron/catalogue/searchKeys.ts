import { pinyin } from 'pinyin-pro';

/** Lower case, no spaces: how both the stored keys and a cashier's query are compared. */
export const normalizeQuery = (text: string): string => text.toLowerCase().replace(/\s+/g, '');

/**
 * Search keys kept beside a product's name, worked out once when the product is written:
 * initials (农夫山泉 → nfsq) and full pinyin (nongfushanquan). pinyin-pro reads polyphones
 * (多音字) in context, e.g. 银行 → yinhang; letters and digits in the name are kept as they are.
 */
export function searchKeys(name: string): { initials: string; full: string } {
  const opts = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const;
  const initials = pinyin(name, { ...opts, pattern: 'first' }).join('');
  const full = pinyin(name, opts).join('');
  return { initials: normalizeQuery(initials), full: normalizeQuery(full) };
}
