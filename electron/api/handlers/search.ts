import { chinaDay, chinaDayRange } from '../../services/days';
import type { HandlerDeps, SomeHandlers } from '../handlers';

export function searchHandlers(
  d: Pick<HandlerDeps, 'repos' | 'clock'>,
): SomeHandlers<'order.search'> {
  return {
    'order.search': ({ page = 1, pageSize = 20, from, to, ...f }) => {
      // Nothing to narrow by: today's orders. A number searches every day unless dates are given.
      const today = chinaDay(d.clock.now());
      const days = from || to || f.number ? { from, to } : { from: today, to: today };
      const rows = d.repos.search.search({
        ...f,
        ...(days.from ? { fromAt: chinaDayRange(days.from).fromAt } : {}),
        ...(days.to ? { toAt: chinaDayRange(days.to).toAt } : {}),
        limit: pageSize + 1,
        offset: (page - 1) * pageSize,
      });
      return { orders: rows.slice(0, pageSize), page, pageSize, hasMore: rows.length > pageSize };
    },
  };
}
