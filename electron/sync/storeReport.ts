import type { StoreDay } from '../../shared/api/shift';
import type { StoreDbLink } from './index';
import { storeDay } from './pg/reports';

/**
 * The day report's store section: every till's takings from the store database. The report is
 * never held up by a server that is away: it prints this till's figures and says the rest is
 * missing (offline), rather than printing a store total that is not one.
 */
export async function storeDayOf(link: StoreDbLink, day: string): Promise<StoreDay> {
  if (!link.withStore) return { state: 'offline', tills: [], lagging: [] };
  try {
    const r = await link.withStore((c) => storeDay(c, day));
    return { state: 'ok', tills: r.tills, lagging: r.lagging };
  } catch {
    return { state: 'offline', tills: [], lagging: [] };
  }
}
