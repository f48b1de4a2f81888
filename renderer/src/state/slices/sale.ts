import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import type { Sale } from '../../../../shared/domain';
import type { Result } from '../../../../shared/result';
import type { All, SaleSlice } from '../types';

/** Keeps the highlight on a line that still exists; a new line scanned becomes the highlight. */
function nextSelection(prev: Sale | null, next: Sale, selected: number | null): number | null {
  const last = next.lines.at(-1)?.lineNo ?? null;
  if (next.lines.length > (prev?.lines.length ?? 0)) return last;
  if (selected !== null && next.lines.some((l) => l.lineNo === selected)) return selected;
  return last;
}

export const createSaleSlice =
  (api: TillApi): StateCreator<All, [], [], SaleSlice> =>
  (set, get) => {
    const settle = (r: Result<Sale>): boolean => {
      if (r.ok) {
        get().applySale(r.value);
        set({ error: null });
        return true;
      }
      set({ error: r.error });
      return false;
    };
    return {
      sale: null,
      selected: null,
      async loadSale() {
        const ok = settle(await api['sale.current']({}));
        const sale = get().sale;
        if (ok && sale?.status === 'PAYING') await get().resumePayment(sale.orderId);
      },
      async scan(barcode) {
        const code = barcode.trim();
        if (!code) return false;
        return settle(await api['sale.scan']({ barcode: code }));
      },
      select: (lineNo) => set({ selected: lineNo }),
      moveSelection(delta) {
        const lines = get().sale?.lines ?? [];
        if (lines.length === 0) return;
        const at = lines.findIndex((l) => l.lineNo === get().selected);
        const index =
          at < 0 ? lines.length - 1 : Math.min(Math.max(at + delta, 0), lines.length - 1);
        set({ selected: lines[index]?.lineNo ?? null });
      },
      async changeQty(delta) {
        const line = get().sale?.lines.find((l) => l.lineNo === get().selected);
        if (!line) return;
        const qty = line.qty + delta;
        if (qty < 1) return; // removing is Delete's job, never a side effect of "-"
        settle(await api['sale.setQty']({ lineNo: line.lineNo, qty }));
      },
      async removeSelected() {
        const lineNo = get().selected;
        if (lineNo === null) return;
        settle(await api['sale.removeLine']({ lineNo }));
      },
      async clearSale() {
        settle(await api['sale.clear']({}));
      },
      applySale(sale) {
        const { sale: prev, selected } = get();
        set({ sale, selected: nextSelection(prev, sale, selected) });
      },
    };
  };
