import type { StateCreator } from 'zustand';
import type { Approval } from '../../../../shared/api/auth';
import type { ApiError, Result } from '../../../../shared/result';
import type { All, ApprovalSlice } from '../types';

/**
 * 主管授权 on the cashier's screen. The host decides (electron/api/permissions.ts): a call it
 * refuses with FORBIDDEN naming an approval opens the dialog; the supervisor's 工号 and PIN go
 * on the same call again. A wrong PIN keeps the dialog open with the host's answer.
 */
export const createApprovalSlice = (): StateCreator<All, [], [], ApprovalSlice> => (set, get) => {
  let pending: ((a: Approval | null) => void) | null = null;
  const ask = (what: string, error: ApiError | null) =>
    new Promise<Approval | null>((resolve) => {
      pending = resolve;
      set({ approval: { what, error, busy: false } });
    });
  return {
    approval: null,
    async withApproval<T>(what: string, call: (approval?: Approval) => Promise<Result<T>>) {
      let r = await call();
      if (r.ok || r.error.code !== 'FORBIDDEN' || !r.error.need?.approval) return r;
      let error: ApiError | null = null;
      for (;;) {
        const a = await ask(what, error);
        if (!a) {
          set({ approval: null });
          return r;
        }
        set({ approval: { what, error: null, busy: true } });
        r = await call(a);
        const badApproval =
          !r.ok && ['BAD_PIN', 'LOCKED', 'USER_DISABLED', 'NOT_SUPERVISOR'].includes(r.error.code);
        if (!badApproval) {
          set({ approval: null });
          return r;
        }
        error = r.ok ? null : r.error;
      }
    },
    submitApproval(userId, pin) {
      if (!pending || get().approval?.busy) return;
      const resolve = pending;
      pending = null;
      resolve({ userId: userId.trim(), pin });
    },
    cancelApproval() {
      const resolve = pending;
      pending = null;
      resolve?.(null);
      set({ approval: null });
    },
  };
};
