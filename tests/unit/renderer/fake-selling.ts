import type { Sale } from '../../../shared/domain';
import { priceSale, type Discount } from '../../../shared/selling/pricing';
import type { TillApi } from '../../../shared/contract';
import type { HeldSale, ProductView } from '../../../shared/selling/schemas';
import type { Result } from '../../../shared/result';
import { apiError, type ErrorCode } from '../../../shared/errors';
import type { ApiError } from '../../../shared/result';
import { discountOverLimit, openPriceOverLimit } from '../../../electron/services/adjust';
import { DEFAULT_LIMITS } from '../../../electron/services/limits';
import { searchKeys } from '../../../electron/catalogue/searchKeys';
import { saleLine } from '../../helpers/saleFixtures';

/** The fake's limit per line (the host's default is 999; small here so tests reach it). */
export const FAKE_LINE_QTY = 99;

/** Lines and totals priced as the host prices them. */
export function repriced(lines: Sale['lines'], order: Discount | null) {
  const priced = priceSale(
    lines.map((l) => ({
      qty: l.qty,
      unitPriceFen: l.unitPriceFen,
      fixedFen: l.kind === 'weighed' ? l.grossFen : null,
      discount: l.discount,
    })),
    order,
  );
  return {
    lines: lines.map((l, i) => ({ ...l, ...priced.lines[i] })),
    itemCount: lines.reduce((n, l) => n + l.qty, 0),
    subtotalFen: priced.subtotalFen,
    orderDiscount: order,
    orderDiscountFen: priced.orderDiscountFen,
    discountFen: priced.discountFen,
    totalFen: priced.totalFen,
  };
}

type SellingChannel =
  | 'product.search'
  | 'product.setPrice'
  | 'catalogue.info'
  | 'sale.hold'
  | 'sale.held'
  | 'sale.recall'
  | 'sale.discount'
  | 'sale.openPrice'
  | 'display.state';

export interface FakeSellingCtx {
  products: { barcode: string; name: string; priceFen: number; unit: string }[];
  current(): Sale;
  editable(): boolean;
  touch(lines: Sale['lines'], orderDiscount?: Discount | null): Sale;
  /** Puts another sale on the till (a new empty one, or a recalled one). */
  replace(next: Sale | null): Sale;
  /** 工号 of the signed-in user. */
  actor(): string;
  /** The host's approver for what needs one past a limit (fake-access approve). */
  approve(): { error: ApiError | null; by: string | null };
}

const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
const no = (code: ErrorCode, field?: string): Promise<Result<never>> =>
  Promise.resolve({ ok: false, error: apiError(code, field) });
const refused = (error: ApiError): Promise<Result<never>> => Promise.resolve({ ok: false, error });

/**
 * Selling channels of the fake host, on the same rules as the real one: limits and approval
 * from electron/services (DEFAULT_LIMITS), pinyin keys from electron/catalogue/searchKeys.
 */
export function createFakeSelling(ctx: FakeSellingCtx) {
  const held = new Map<string, { sale: Sale; info: HeldSale }>();
  const prices = new Map<string, number>();
  const view = (p: FakeSellingCtx['products'][number]): ProductView => ({
    ...p,
    priceFen: prices.get(p.barcode) ?? p.priceFen,
    category: '',
    plu: null,
    active: true,
    weighed: false,
    version: 1,
  });

  const handlers: Pick<TillApi, SellingChannel> = {
    'product.search': ({ query }) => {
      const q = query.toLowerCase().replace(/\s+/g, '');
      const items = ctx.products
        .filter((p) => {
          const k = searchKeys(p.name);
          return (
            p.barcode === q || p.name.includes(q) || k.initials.includes(q) || k.full.includes(q)
          );
        })
        .map(view);
      return ok({ query, items: q ? items : [], version: 1 });
    },
    'product.setPrice': ({ barcode, priceFen }) => {
      const p = ctx.products.find((x) => x.barcode === barcode);
      if (!p) return no('NOT_FOUND', 'barcode');
      prices.set(barcode, priceFen);
      return ok(view(p));
    },
    'catalogue.info': () =>
      ok({
        version: 1,
        products: ctx.products.length,
        active: ctx.products.length,
        source: 'demo',
        at: null,
      }),
    'sale.hold': () => {
      const sale = ctx.current();
      if (sale.lines.length === 0) return no('EMPTY_CART');
      if (!ctx.editable()) return no('CANNOT_HOLD');
      held.set(sale.orderId, {
        sale: { ...sale, status: 'HELD' },
        info: {
          orderId: sale.orderId,
          heldAt: new Date().toISOString(),
          heldBy: ctx.actor(),
          itemCount: sale.itemCount,
          totalFen: sale.totalFen,
          firstItem: sale.lines[0]?.name ?? '',
        },
      });
      return ok(ctx.replace(null));
    },
    'sale.held': () => ok({ held: [...held.values()].map((h) => h.info) }),
    'sale.recall': ({ orderId }) => {
      const h = held.get(orderId);
      if (!h) return no('NOT_FOUND', 'orderId');
      if (ctx.current().lines.length > 0) return no('CART_NOT_EMPTY');
      if (h.info.heldBy !== ctx.actor()) {
        const { error } = ctx.approve();
        if (error) return refused(error);
      }
      held.delete(orderId);
      return ok(ctx.replace({ ...h.sale, status: 'OPEN' }));
    },
    'sale.discount': ({ lineNo, kind, value }) => {
      if (!ctx.editable()) return no('SALE_LOCKED');
      const sale = ctx.current();
      const line = lineNo === undefined ? null : sale.lines.find((l) => l.lineNo === lineNo);
      if (lineNo !== undefined && !line) return no('NOT_FOUND', 'lineNo');
      const base = line ? line.grossFen : sale.lines.reduce((n, l) => n + l.totalFen, 0);
      if ((kind === 'amount' && value > base) || (kind === 'percent' && value > 100))
        return no('DISCOUNT_TOO_MUCH', 'value');
      if (discountOverLimit(base, { kind, value }, DEFAULT_LIMITS)) {
        const { error } = ctx.approve();
        if (error) return refused(error);
      }
      const rule = value > 0 ? { kind, value } : null;
      if (line) {
        return ok(ctx.touch(sale.lines.map((l) => (l === line ? { ...l, discount: rule } : l))));
      }
      return ok(ctx.touch(sale.lines, rule));
    },
    'sale.openPrice': ({ name, priceFen, qty = 1 }) => {
      if (!ctx.editable()) return no('SALE_LOCKED');
      if (openPriceOverLimit(priceFen * qty, DEFAULT_LIMITS)) {
        const { error } = ctx.approve();
        if (error) return refused(error);
      }
      const sale = ctx.current();
      const line = saleLine({
        lineNo: (sale.lines.at(-1)?.lineNo ?? 0) + 1,
        barcode: '',
        name: name || '无码商品',
        qty,
        unitPriceFen: priceFen,
        kind: 'open',
      });
      return ok(ctx.touch([...sale.lines, line]));
    },
    'display.state': () => {
      const sale = ctx.current();
      return ok({
        storeName: '便利店 · 人民路店',
        sandbox: true,
        phase: sale.lines.length > 0 ? 'sale' : 'idle',
        lines: sale.lines.map((l) => ({
          name: l.name,
          qty: l.qty,
          weightG: l.weightG,
          unit: l.unit,
          unitPriceFen: l.unitPriceFen,
          discountFen: l.discountFen,
          totalFen: l.totalFen,
        })),
        itemCount: sale.itemCount,
        subtotalFen: sale.subtotalFen,
        discountFen: sale.discountFen,
        totalFen: sale.totalFen,
        dueFen: sale.totalFen,
        paidFen: 0,
        changeFen: 0,
        at: new Date().toISOString(),
      });
    },
  };
  return { handlers, held };
}
