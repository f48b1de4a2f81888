import { isValidEan13 } from '../../shared/codes';
import type { Sale } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import type { EventBus } from '../api/events';
import type { Repos } from '../store';
import { iso, type Clock } from './clock';
import { newOrderId } from './ids';

export interface SaleServiceDeps {
  repos: Pick<Repos, 'db' | 'sales' | 'products' | 'audit'>;
  clock: Clock;
  events: EventBus;
  /** 工号 of the signed-in user making the call. */
  actor: () => string;
}

/**
 * The open sale (cart). Nothing changes while a payment for it is under way. A quantity
 * change, a removed line and a cleared cart are audited in the transaction that makes them.
 */
export function createSaleService({ repos, clock, events, actor }: SaleServiceDeps) {
  const { sales, products } = repos;

  const current = (): Sale => {
    const open = sales.current();
    if (open) return open;
    const at = clock.now();
    const id = newOrderId(at);
    sales.create(id, actor(), iso(at));
    return sales.get(id) as Sale;
  };
  const editable = (): Sale => {
    const sale = current();
    if (sale.status !== 'OPEN') throw new TillError('SALE_LOCKED');
    return sale;
  };
  const changed = (orderId: string): Sale => {
    const sale = sales.get(orderId) as Sale;
    events.emit('sale.updated', sale);
    return sale;
  };

  return {
    current,
    scan(barcode: string, qty = 1): Sale {
      const code = barcode.trim();
      // In-store codes (weighed goods, shelf labels) are not EAN-13, so only unknown codes are refused.
      if (!/^\d{6,14}$/.test(code)) throw new TillError('BAD_BARCODE', 'barcode');
      const product = products.find(code);
      if (!product) {
        throw new TillError(
          'UNKNOWN_BARCODE',
          'barcode',
          isValidEan13(code) ? code : `${code}, check digit wrong`,
        );
      }
      const sale = editable();
      sales.addProduct(sale.orderId, product, qty, iso(clock.now()));
      return changed(sale.orderId);
    },
    setQty(lineNo: number, qty: number): Sale {
      const sale = editable();
      const line = sale.lines.find((l) => l.lineNo === lineNo);
      if (!line) throw new TillError('NOT_FOUND', 'lineNo');
      const at = iso(clock.now());
      repos.db.transaction(() => {
        sales.setQty(sale.orderId, lineNo, qty, at);
        repos.audit.write({
          at,
          actor: actor(),
          action: qty === 0 ? 'sale.removeLine' : 'sale.setQty',
          subject: sale.orderId,
          before: { lineNo, barcode: line.barcode, name: line.name, qty: line.qty },
          after: { qty },
        });
      })();
      return changed(sale.orderId);
    },
    clear(): Sale {
      const sale = editable();
      const at = iso(clock.now());
      repos.db.transaction(() => {
        sales.clearLines(sale.orderId, at);
        repos.audit.write({
          at,
          actor: actor(),
          action: 'sale.clear',
          subject: sale.orderId,
          before: {
            lines: sale.lines.map((l) => ({ barcode: l.barcode, name: l.name, qty: l.qty })),
            totalFen: sale.totalFen,
          },
        });
      })();
      return changed(sale.orderId);
    },
  };
}
export type SaleService = ReturnType<typeof createSaleService>;
