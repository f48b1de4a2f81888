import type { Sale } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import type { HeldSale } from '../../shared/selling/schemas';
import type { Repos } from '../store';
import type { Approve } from './approval';
import { iso, type Clock } from './clock';
import type { Limits } from './limits';
import type { SaleService } from './sale';

export interface HoldDeps {
  repos: Pick<Repos, 'db' | 'sales' | 'holds' | 'payments' | 'audit'>;
  sales: Pick<SaleService, 'current' | 'changed'>;
  clock: Clock;
  limits: Limits;
  approve: Approve;
  actor: () => string;
}

/**
 * 挂单 / 取单: the cashier sets a sale aside while the customer fetches something and serves the
 * next one; the sale comes back later, after a restart too (it is an order in the store, HELD).
 * Only a sale with no payment can be held: a payment in flight stays on the till until it ends.
 */
export function createHoldService(d: HoldDeps) {
  const { repos, clock } = d;

  function hold(): Sale {
    const sale = d.sales.current();
    if (sale.lines.length === 0) throw new TillError('EMPTY_CART');
    const payments = repos.payments.byOrder(sale.orderId);
    if (
      sale.status !== 'OPEN' ||
      payments.some((p) => p.state !== 'FAILED' && p.state !== 'REVERSED')
    ) {
      throw new TillError('CANNOT_HOLD');
    }
    if (repos.holds.count() >= d.limits.heldSales) throw new TillError('HOLD_LIMIT');
    const at = iso(clock.now());
    const by = d.actor();
    repos.db.transaction(() => {
      // The store's trigger checks the same again: no payment may ride along into HELD.
      if (!repos.holds.hold(sale.orderId, by, at)) throw new TillError('CANNOT_HOLD');
      repos.audit.record(at, by, 'sale.hold', sale.orderId, {
        lines: sale.lines.length,
        totalFen: sale.totalFen,
      });
    })();
    return d.sales.changed(d.sales.current().orderId);
  }

  /** The holder takes it back; anyone else needs a supervisor (sale.recall.otherCashier). */
  function recall(orderId: string): Sale {
    const heldBy = repos.holds.heldBy(orderId);
    if (heldBy === null) throw new TillError('NOT_FOUND', 'orderId');
    const open = d.sales.current();
    if (open.lines.length > 0 || open.status !== 'OPEN') throw new TillError('CART_NOT_EMPTY');
    const actor = d.actor();
    const approvedBy =
      heldBy === actor
        ? null
        : d.approve({ action: 'sale.recall.otherCashier', subject: orderId, detail: { heldBy } });
    const at = iso(clock.now());
    repos.db.transaction(() => {
      // The empty sale on the till gives way: nothing was ever on it, nothing is lost.
      repos.holds.dropEmpty(open.orderId);
      if (!repos.holds.recall(orderId, at)) throw new TillError('NOT_FOUND', 'orderId');
      repos.audit.record(at, actor, 'sale.recall', orderId, { heldBy, approvedBy });
    })();
    return d.sales.changed(orderId);
  }

  const list = (): HeldSale[] => repos.holds.list();

  return { hold, recall, list };
}
export type HoldService = ReturnType<typeof createHoldService>;
