import type { StateCreator } from 'zustand';
import type { TillApi } from '../../../../shared/contract';
import type { All, AuditSlice } from '../types';

/** The audit trail, newest first, 50 rows at a time; and the chain's verdict. */
export const createAuditSlice =
  (api: TillApi): StateCreator<All, [], [], AuditSlice> =>
  (set, get) => ({
    auditRows: [],
    auditHasMore: false,
    auditFilter: {},
    auditVerdict: null,
    async loadAudit(filter = get().auditFilter, more = false) {
      const clean = Object.fromEntries(
        Object.entries(filter).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
      ) as AuditSlice['auditFilter'];
      const beforeId = more ? get().auditRows.at(-1)?.id : undefined;
      const r = await api['audit.list']({ ...clean, ...(beforeId ? { beforeId } : {}), limit: 50 });
      if (!r.ok) return set({ error: r.error });
      set({
        auditFilter: clean,
        auditRows: more ? [...get().auditRows, ...r.value.rows] : r.value.rows,
        auditHasMore: r.value.hasMore,
        error: null,
      });
    },
    async verifyAudit() {
      const r = await api['audit.verify']({});
      if (r.ok) set({ auditVerdict: r.value });
      else set({ error: r.error });
    },
  });
