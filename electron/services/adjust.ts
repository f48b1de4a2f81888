import type { Sale } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import { discountOff, type Discount } from '../../shared/selling/pricing';
import type { Repos } from '../store';
import type { Approve } from './approval';
import { iso, type Clock } from './clock';
import { checkQty, checkRoom, type Limits } from './limits';
import type { SaleService } from './sale';

export interface AdjustDeps {
  repos: Pick<Repos, 'db' | 'sales' | 'audit'>;
  sales: Pick<SaleService, 'editable' | 'changed'>;
  clock: Clock;
  limits: Limits;
  approve: Approve;
  actor: () => string;
}

export interface DiscountInput {
  /** A line's discount; absent: the whole order's. */
  lineNo?: number;
  kind: Discount['kind'];
  /** fen off, or per cent off; 0 takes the discount away. */
  value: number;
}

export interface OpenPriceInput {
  name?: string;
  priceFen: number;
  qty?: number;
}

/**
 * A discount is over the cashier's limit when a percent discount is above limits.discountPct, or
 * an amount discount is above limits.discountFen or takes off more than that per cent of what it
 * is given on. Exported so the roles table (issue 9) can ask the same question of an input.
 */
export function discountOverLimit(base: number, d: Discount, limits: Limits): boolean {
  if (d.value <= 0) return false;
  if (d.kind === 'percent') return d.value > limits.discountPct;
  return d.value > limits.discountFen || d.value * 100 > base * limits.discountPct;
}

export const openPriceOverLimit = (lineFen: number, limits: Limits): boolean =>
  lineFen > limits.openPriceFen;

/** Discounts (line and order) and open-price goods (无码商品): audited, approved above limits. */
export function createAdjustService(d: AdjustDeps) {
  const { repos, clock, limits } = d;

  function discount(input: DiscountInput): Sale {
    const sale = d.sales.editable();
    const line =
      input.lineNo === undefined ? null : sale.lines.find((l) => l.lineNo === input.lineNo);
    if (input.lineNo !== undefined && !line) throw new TillError('NOT_FOUND', 'lineNo');
    if (sale.lines.length === 0) throw new TillError('EMPTY_CART');
    const base = line
      ? line.grossFen
      : sale.subtotalFen - sale.lines.reduce((n, l) => n + l.discountFen, 0);
    const rule: Discount = { kind: input.kind, value: input.value };
    if (input.kind === 'percent' && input.value > 100)
      throw new TillError('DISCOUNT_TOO_MUCH', 'value');
    if (input.kind === 'amount' && input.value > base)
      throw new TillError('DISCOUNT_TOO_MUCH', 'value');
    const fen = discountOff(base, rule);
    const approvedBy = discountOverLimit(base, rule, limits)
      ? d.approve({
          action: 'sale.discount.overLimit',
          subject: sale.orderId,
          detail: { lineNo: input.lineNo ?? null, ...rule, fen },
        })
      : null;
    const at = iso(clock.now());
    const kept = input.value > 0 ? rule : null;
    repos.db.transaction(() => {
      if (line) repos.sales.setLineDiscount(sale.orderId, line.lineNo, kept, at);
      else repos.sales.setOrderDiscount(sale.orderId, kept, at);
      repos.audit.record(at, d.actor(), 'sale.discount', sale.orderId, {
        lineNo: line?.lineNo ?? null,
        kind: rule.kind,
        value: rule.value,
        baseFen: base,
        discountFen: fen,
        approvedBy,
      });
    })();
    return d.sales.changed(sale.orderId);
  }

  function openPrice(input: OpenPriceInput): Sale {
    const sale = d.sales.editable();
    const qty = input.qty ?? 1;
    checkQty(qty, limits);
    const lineFen = qty * input.priceFen;
    checkRoom(sale, limits, lineFen, true);
    const name = input.name?.trim() || '无码商品';
    const approvedBy = openPriceOverLimit(lineFen, limits)
      ? d.approve({
          action: 'sale.openPrice.overLimit',
          subject: sale.orderId,
          detail: { name, priceFen: input.priceFen, qty },
        })
      : null;
    const at = iso(clock.now());
    repos.db.transaction(() => {
      repos.sales.addLine(
        sale.orderId,
        {
          kind: 'open',
          barcode: '',
          name,
          unit: '',
          qty,
          unitPriceFen: input.priceFen,
          weightG: null,
          weightDerived: false,
          fixedFen: null,
        },
        at,
      );
      repos.audit.record(at, d.actor(), 'sale.openPrice', sale.orderId, {
        name,
        priceFen: input.priceFen,
        qty,
        approvedBy,
      });
    })();
    return d.sales.changed(sale.orderId);
  }

  return { discount, openPrice };
}
export type AdjustService = ReturnType<typeof createAdjustService>;
