import { splitQty } from '../../../../shared/selling/qty';

/** What the scan field holds: a code to scan, a quantity waiting for its scan, or a search. */
export type ScanText =
  | { kind: 'empty' }
  | { kind: 'code'; text: string }
  | { kind: 'qty'; qty: number }
  | { kind: 'search'; query: string; qty: number };

export function readScanText(raw: string): ScanText {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  const typed = splitQty(text);
  const rest = typed ? typed.code : text;
  if (typed && rest === '') return { kind: 'qty', qty: typed.qty };
  if (/^\d+$/.test(rest)) return { kind: 'code', text };
  return { kind: 'search', query: rest, qty: typed?.qty ?? 1 };
}
