import type { StateCreator } from 'zustand';
import type { Sale } from '../../../../shared/domain';
import type { All } from '../types';
import type { ApprovalSlice } from '../selling-types';

/** An answer that carries a sale updates the cart at once (events follow anyway). */
const saleOf = (value: unknown): Sale | null =>
  value && typeof value === 'object' && 'orderId' in value && 'lines' in value
    ? (value as Sale)
    : null;

/**
 * 主管授权 in one place: any call may come back APPROVAL_REQUIRED; then the same call waits here
 * for a supervisor's id and PIN and is made again with `approval` on it.
 */
export const createApprovalSlice = (): StateCreator<All, [], [], ApprovalSlice> => (set, get) => {
  const settled = (value: unknown) => {
    const sale = saleOf(value);
    if (sale) get().applySale(sale);
    set({ error: null });
  };
  return {
    approval: null,
    approvalError: null,
    approvalBusy: false,
    async withApproval(title, call) {
      const r = await call();
      if (r.ok) {
        settled(r.value);
        return true;
      }
      if (r.error.code === 'APPROVAL_REQUIRED') {
        set({ approval: { title, run: (a) => call(a) }, approvalError: null, error: null });
      } else set({ error: r.error });
      return false;
    },
    async submitApproval(userId, pin) {
      const pending = get().approval;
      if (!pending || get().approvalBusy) return false;
      set({ approvalBusy: true });
      const r = await pending.run({ userId: userId.trim(), pin });
      set({ approvalBusy: false });
      if (r.ok) {
        set({ approval: null, approvalError: null });
        settled(r.value);
        return true;
      }
      if (r.error.code === 'APPROVAL_DENIED' || r.error.code === 'BAD_REQUEST') {
        set({ approvalError: r.error });
      } else set({ approval: null, approvalError: null, error: r.error });
      return false;
    },
    cancelApproval: () => set({ approval: null, approvalError: null }),
  };
};
