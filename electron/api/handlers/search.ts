import { TillError } from '../../../shared/errors';
import { chinaDay, chinaDayRange } from '../../services/days';
import type { HandlerDeps, SomeHandlers } from '../handlers';

export function searchHandlers(
  d: Pick<HandlerDeps, 'repos' | 'clock'> & Partial<Pick<HandlerDeps, 'crossTill'>>,
): SomeHandlers<'order.search'> {
  return {
    'order.search': async ({ page = 1, pageSize = 20, from, to, ...f }) => {
      // Nothing to narrow by: today's orders. A number searches every day unless dates are given.
      const today = chinaDay(d.clock.now());
      const days = from || to || f.number ? { from, to } : { from: today, to: today };
      const filter = {
        ...f,
        ...(days.from ? { fromAt: chinaDayRange(days.from).fromAt } : {}),
        ...(days.to ? { toAt: chinaDayRange(days.to).toAt } : {}),
      };
      const offset = (page - 1) * pageSize;
      if (!f.number || !d.crossTill) {
        const rows = d.repos.search.search({ ...filter, limit: pageSize + 1, offset });
        return { orders: rows.slice(0, pageSize), page, pageSize, hasMore: rows.length > pageSize };
      }
      // A number the customer shows may be another till's: the store database is asked too, and
      // both lists are paged as one, newest first.
      const upTo = { ...filter, number: f.number, limit: offset + pageSize + 1, offset: 0 };
      const local = d.repos.search.search(upTo);
      let remote: Awaited<ReturnType<typeof d.crossTill.search>> = [];
      let storeOffline = false;
      try {
        remote = await d.crossTill.search(upTo);
      } catch (err) {
        if (!(err instanceof TillError) || err.code !== 'STORE_OFFLINE') throw err;
        // Never "nothing found" while another till's order may be the one: say why.
        if (local.length === 0) throw err;
        storeOffline = true;
      }
      const rows = [...local, ...remote]
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(offset, offset + pageSize + 1);
      return {
        orders: rows.slice(0, pageSize),
        page,
        pageSize,
        hasMore: rows.length > pageSize,
        ...(storeOffline ? { storeOffline } : {}),
      };
    },
  };
}
