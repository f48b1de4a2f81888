import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import type { All, AuthSlice } from '../types';

/**
 * The till's session. Whoever signs in lands where their work is: a technician on the printer
 * screen, a cashier on checkout (or on the shift screen when no shift is open yet).
 */
export const createAuthSlice =
  (api: TillApi): StateCreator<All, [], [], AuthSlice> =>
  (set, get) => ({
    session: null,
    authBusy: false,
    async loadSession() {
      // Also polled by the bridge: a host that cannot be reached keeps the session on screen.
      const r = await api['auth.current']({});
      if (r.ok) get().applySession(r.value);
    },
    async signIn(userId, pin) {
      if (get().authBusy) return false;
      set({ authBusy: true });
      const r = await api['auth.signIn']({ userId: userId.trim(), pin });
      set({ authBusy: false });
      if (!r.ok) {
        set({ error: r.error });
        return false;
      }
      set({ error: null });
      get().applySession(r.value);
      return true;
    },
    async signOut() {
      const r = await api['auth.signOut']({});
      if (r.ok) get().applySession(r.value);
      else set({ error: r.error });
    },
    async setup(userId, name, pin) {
      if (get().authBusy) return false;
      set({ authBusy: true });
      const r = await api['auth.setup']({ userId: userId.trim(), name: name.trim(), pin });
      set({ authBusy: false });
      if (!r.ok) set({ error: r.error });
      else get().applySession(r.value);
      return r.ok;
    },
    applySession(session) {
      const before = get().session?.user?.userId ?? null;
      set({ session });
      const now = session.user?.userId ?? null;
      if (now === before) return;
      // Someone else at the till: nothing of the last person's screens stays open.
      set({ lookup: null, refund: null, results: [], auditRows: [], users: [], report: null });
      if (!session.user) return;
      if (session.user.role === 'technician') {
        set({ screen: 'technician' });
        void get().openTechnician();
        return;
      }
      // The screen waits for the shift: with none open, the cashier starts by opening one.
      set({ shiftLoaded: false });
      void get().loadSale();
      void get().loadCases(); // the header's count of unresolved cases
      void get().loadShift(true);
    },
  });
