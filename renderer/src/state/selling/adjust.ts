import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import type { Sale } from '../../../../shared/domain';
import type { Result } from '../../../../shared/result';
import type { All } from '../types';
import type { AdjustSlice } from '../selling-types';

/** 数量 (F3), 折扣 (F8), 无码商品 (F7): each a dialog; over a limit the approval dialog follows. */
export const createAdjustSlice =
  (api: TillApi): StateCreator<All, [], [], AdjustSlice> =>
  (set, get) => {
    const done = (ok: boolean) => {
      if (ok) set({ dialog: null });
      return ok;
    };
    // Over a limit the host asks for a supervisor (FORBIDDEN naming an approval): the approval
    // dialog (slices/approval.ts) comes over this one and the same call goes again with it.
    const settle = (r: Result<Sale>) => {
      if (r.ok) get().applySale(r.value);
      set({ error: r.ok ? null : r.error });
      return done(r.ok);
    };
    return {
      dialog: null,
      openDialog(dialog) {
        const sale = get().sale;
        if (sale?.status !== 'OPEN') return;
        if (dialog !== 'openPrice' && sale.lines.length === 0) return;
        set({ dialog, error: null });
      },
      closeDialog: () => set({ dialog: null }),
      async setLineQty(qty) {
        const lineNo = get().selected;
        if (lineNo === null) return false;
        const r = await api['sale.setQty']({ lineNo, qty });
        if (r.ok) get().applySale(r.value);
        set({ error: r.ok ? null : r.error });
        return done(r.ok);
      },
      async giveDiscount(target, kind, value) {
        const lineNo = target === 'line' ? (get().selected ?? undefined) : undefined;
        if (target === 'line' && lineNo === undefined) return false;
        return settle(
          await get().withApproval('discount', (approval) =>
            api['sale.discount']({ ...(lineNo ? { lineNo } : {}), kind, value, approval }),
          ),
        );
      },
      async addOpenPrice(priceFen, name) {
        return settle(
          await get().withApproval('openPrice', (approval) =>
            api['sale.openPrice']({ priceFen, ...(name ? { name } : {}), approval }),
          ),
        );
      },
    };
  };
