import type { Payment, Sale } from '../../shared/domain';
import type { DisplayState } from '../../shared/selling/schemas';
import type { EventBus } from '../api/events';
import { dueFen } from '../payments/tender';
import type { Repos } from '../store';
import { iso, type Clock } from './clock';

export interface DisplayDeps {
  repos: Pick<Repos, 'sales' | 'payments'>;
  events: EventBus;
  clock: Clock;
  /** The open sale (created if there is none). */
  current: () => Sale;
  storeName: string;
  sandbox: boolean;
}

const WAITING: readonly Payment['state'][] = ['NEW', 'SUBMITTING', 'PENDING', 'QUERYING'];

/**
 * The customer display (客显) follows the till: the goods and what to pay while the cashier
 * scans, "paying" while a wallet payment runs, then 支付成功 with the change until the next
 * customer's first item. It shows no order numbers and no payment codes.
 */
export function createCustomerDisplay(d: DisplayDeps) {
  const base = (sale: Sale | null, phase: DisplayState['phase']): DisplayState => ({
    storeName: d.storeName,
    sandbox: d.sandbox,
    phase,
    lines: (sale?.lines ?? []).map((l) => ({
      name: l.name,
      qty: l.qty,
      weightG: l.weightG,
      unit: l.unit,
      unitPriceFen: l.unitPriceFen,
      discountFen: l.discountFen,
      totalFen: l.totalFen,
    })),
    itemCount: sale?.itemCount ?? 0,
    subtotalFen: sale?.subtotalFen ?? 0,
    discountFen: sale?.discountFen ?? 0,
    totalFen: sale?.totalFen ?? 0,
    dueFen: sale ? dueFen(d.repos, sale.orderId) : 0,
    paidFen: 0,
    changeFen: 0,
    at: iso(d.clock.now()),
  });
  const ofSale = (sale: Sale) => base(sale, sale.lines.length > 0 ? 'sale' : 'idle');

  let state = ofSale(d.current());
  let shownOrder = d.current().orderId;
  const show = (next: DisplayState, orderId: string) => {
    state = next;
    shownOrder = orderId;
    d.events.emit('display.updated', next);
  };

  function onSale(sale: Sale): void {
    // 支付成功 stays up until the next customer's first item (or another sale is recalled).
    if (state.phase === 'paid' && sale.lines.length === 0) return;
    show(ofSale(sale), sale.orderId);
  }

  function onPayment(p: Payment): void {
    // Only the sale on the display: the reconciler settling an older order stays off the screen.
    if (p.orderId !== shownOrder) return;
    const sale = d.repos.sales.get(p.orderId);
    if (!sale) return;
    if (sale.status === 'PAID') {
      const paid = d.repos.payments.byOrder(p.orderId).filter((x) => x.state === 'PAID');
      const next = base(sale, 'paid');
      next.paidFen = paid.reduce((n, x) => n + x.amountFen, 0);
      next.changeFen = paid.reduce((n, x) => n + (x.changeFen ?? 0), 0);
      next.dueFen = 0;
      show(next, sale.orderId);
    } else if (WAITING.includes(p.state)) {
      show(base(sale, 'paying'), sale.orderId);
    } else if (p.state === 'FAILED' || p.state === 'REVERSED') {
      show(base(sale, 'failed'), sale.orderId);
    } else if (p.state === 'PAID') {
      show(base(sale, 'sale'), sale.orderId); // one part of a split tender: the rest is due
    }
  }

  const off = d.events.subscribe((event, payload) => {
    if (event === 'sale.updated') onSale(payload as Sale);
    else if (event === 'payment.updated') onPayment(payload as Payment);
  });

  return {
    state: (): DisplayState => state,
    /** Which order the display is about (tests). */
    orderId: () => shownOrder,
    close: off,
  };
}
export type CustomerDisplay = ReturnType<typeof createCustomerDisplay>;
