import type { Sale } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import { lineGross } from '../../shared/selling/pricing';
import type { ScaleFormat } from '../../shared/selling/scale';
import type { EventBus } from '../api/events';
import type { Repos } from '../store';
import { iso, type Clock } from './clock';
import { newOrderId } from './ids';
import { checkQty, checkRoom, DEFAULT_LIMITS, type Limits } from './limits';
import { resolveScan } from './scan';

export interface SaleServiceDeps {
  repos: Pick<Repos, 'db' | 'sales' | 'products' | 'audit'>;
  clock: Clock;
  events: EventBus;
  /** 工号 of the signed-in user making the call. */
  actor: () => string;
  limits?: Limits;
  /** The shop's scale label formats (称重码); none: scale labels are unknown codes. */
  scaleFormats?: readonly ScaleFormat[];
}

/**
 * The open sale (cart). Nothing changes while a payment for it is under way. A quantity
 * change, a removed line and a cleared cart are audited in the transaction that makes them.
 */
export function createSaleService(deps: SaleServiceDeps) {
  const { repos, clock, events, actor } = deps;
  const { sales } = repos;
  const limits = deps.limits ?? DEFAULT_LIMITS;
  // The longest prefix first: a shop with price labels on 2… and weight labels on 21… means 21….
  const formats = [...(deps.scaleFormats ?? [])].sort((a, b) => b.prefix.length - a.prefix.length);

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
    /** The open sale, refused while a payment for it is under way (SALE_LOCKED). */
    editable,
    /** Reads the sale again and tells the UI (and the customer display). */
    changed,
    scan(barcode: string, qty = 1): Sale {
      const add = resolveScan(barcode, qty, repos, formats);
      const sale = editable();
      const at = iso(clock.now());
      if (add.kind === 'item') {
        const line = sales.lineOf(sale.orderId, add.product.barcode);
        checkQty((line?.qty ?? 0) + add.qty, limits);
        checkRoom(sale, limits, add.qty * add.product.priceFen, line === null);
        sales.addProduct(sale.orderId, add.product, add.qty, at);
      } else {
        checkRoom(sale, limits, lineGross(add.line), true);
        sales.addLine(sale.orderId, add.line, at);
      }
      return changed(sale.orderId);
    },
    setQty(lineNo: number, qty: number): Sale {
      const sale = editable();
      const line = sale.lines.find((l) => l.lineNo === lineNo);
      if (!line) throw new TillError('NOT_FOUND', 'lineNo');
      if (qty > 0) {
        if (line.kind === 'weighed') throw new TillError('WEIGHED_QTY', 'qty');
        checkQty(qty, limits);
        checkRoom(sale, limits, (qty - line.qty) * line.unitPriceFen, false);
      }
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
