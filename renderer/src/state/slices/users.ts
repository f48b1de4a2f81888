import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import type { All, UsersSlice } from '../types';

/** Staff accounts, kept by supervisors. */
export const createUsersSlice =
  (api: TillApi): StateCreator<All, [], [], UsersSlice> =>
  (set, get) => ({
    users: [],
    async loadUsers() {
      const r = await api['user.list']({});
      if (r.ok) set({ users: r.value.users });
      else set({ error: r.error });
    },
    async addUser(u) {
      const r = await api['user.add'](u);
      if (!r.ok) {
        set({ error: r.error });
        return false;
      }
      await get().loadUsers();
      return true;
    },
    async setUserActive(userId, active) {
      const r = await api['user.setActive']({ userId, active });
      if (!r.ok) set({ error: r.error });
      await get().loadUsers();
    },
    async resetPin(userId, pin) {
      const r = await api['user.resetPin']({ userId, pin });
      if (!r.ok) set({ error: r.error });
      else await get().loadUsers();
      return r.ok;
    },
  });
