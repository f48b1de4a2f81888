import { useState } from 'react';
import { useActions, useTill } from '../../state/react';
import { readScanText } from './scanText';

/**
 * The checkout's selling keys and the scan field's search mode, so the screen's own handler
 * stays short: answers true when it took the key.
 */
export function useSellingKeys(code: string, setCode: (c: string) => void) {
  const actions = useActions();
  const results = useTill((s) => s.searchResults);
  const index = useTill((s) => s.searchIndex);
  const hasLines = useTill((s) => (s.sale?.lines.length ?? 0) > 0);
  const [qtyDraft, setQtyDraft] = useState('');
  const text = readScanText(code);
  const searching = text.kind === 'search';

  const typed = (value: string) => {
    setCode(value);
    const next = readScanText(value);
    if (next.kind === 'search') void actions.searchProducts(next.query);
    else actions.clearSearch();
  };
  const pick = (barcode: string) => {
    const qty = text.kind === 'search' ? text.qty : 1;
    setCode('');
    actions.clearSearch();
    void actions.scan(qty > 1 ? `${qty}*${barcode}` : barcode);
  };
  const openQty = () => {
    if (!hasLines) return;
    setQtyDraft(/^\d{1,4}$/.test(code.trim()) ? code.trim() : '');
    setCode('');
    actions.openDialog('qty');
  };

  const handle = (e: KeyboardEvent): boolean => {
    if (searching && e.key === 'Enter') {
      const p = results[index];
      if (p) pick(p.barcode);
      return true;
    }
    if (searching && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      actions.moveSearch(e.key === 'ArrowUp' ? -1 : 1);
      return true;
    }
    if (searching && e.key === 'Escape') {
      typed('');
      return true;
    }
    if (e.key === 'F3') openQty();
    else if (e.key === 'F5') void actions.openHold();
    else if (e.key === 'F7') actions.openDialog('openPrice');
    else if (e.key === 'F8') actions.openDialog('discount');
    else return false;
    return true;
  };

  return { handle, typed, pick, openQty, text, searching, qtyDraft };
}
