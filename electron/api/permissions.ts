import type { Role } from '../../shared/api/auth';
import type { Channel } from '../../shared/channels';
import type { ParsedInput } from '../../shared/contract';

/**
 * What a call needs. `roles` may make it alone; the roles in `approval` may make it when the
 * call carries a supervisor's 工号 and PIN (主管授权). `anyone` needs nobody signed in (sign-in
 * itself, the app's name); `beforeSetup` works even before the first supervisor exists.
 */
export interface Need {
  roles: readonly Role[] | 'anyone';
  approval?: readonly Role[];
  beforeSetup?: boolean;
}
/** A rule may depend on the parsed input (a drawer kick without a sale, a carried-over shift). */
export type Rule<C extends Channel> = Need | ((input: ParsedInput<C>) => Need);

const PUBLIC: Need = { roles: 'anyone', beforeSetup: true };
/** Whoever rings up sales. A technician only works on printers. */
const SELL: Need = { roles: ['cashier', 'supervisor'] };
const STAFF: Need = { roles: ['cashier', 'supervisor', 'technician'] };
const PRINTER_SETUP: Need = { roles: ['technician', 'supervisor'] };
const SUPERVISOR: Need = { roles: ['supervisor'] };
/** A cashier may, with a supervisor's approval on the same call. */
const APPROVED: Need = { roles: ['supervisor'], approval: ['cashier'] };

/**
 * Every channel's rule, in one place, enforced by the boundary both bindings share (dispatch).
 * The type makes a new channel without a rule a compile error.
 */
export const PERMISSIONS: { [C in Channel]: Rule<C> } = {
  'app.info': PUBLIC,
  'auth.current': PUBLIC,
  'auth.signIn': PUBLIC,
  'auth.signOut': PUBLIC,
  'auth.setup': PUBLIC,

  'sale.current': SELL,
  'sale.scan': SELL,
  'sale.setQty': SELL,
  'sale.removeLine': SELL,
  'sale.clear': SELL,
  'pay.start': SELL,
  'pay.status': SELL,
  'pay.cancel': SELL,

  'order.get': SELL,
  'order.find': SELL,
  'order.search': SELL,
  'receipt.get': SELL,
  'receipt.preview': SELL,
  /** The cashier's "print again" after a failed receipt (recovery flow) is not a copy. */
  'print.retry': STAFF,
  'order.refund': APPROVED,
  'receipt.reprint': APPROVED,

  'printer.info': STAFF,
  'printer.status': STAFF,
  'printer.list': PRINTER_SETUP,
  'printer.lastJob': PRINTER_SETUP,
  'printer.report': PRINTER_SETUP,
  'printer.configure': PRINTER_SETUP,
  /** A test page, or the drawer alone as a technician's test (drawer.open is the no-sale). */
  'printer.test': PRINTER_SETUP,

  /** The header's printer state (shown on the sign-in screen too): nothing to hide. */
  'print.summary': PUBLIC,
  'print.queue': PRINTER_SETUP,
  'print.cancel': PRINTER_SETUP,
  /** 开钱箱 without a sale: a supervisor, or a cashier with a supervisor's approval. */
  'drawer.open': APPROVED,
  /** The cashier opens again a drawer that failed to open for this sale's cash. */
  'drawer.retry': SELL,
  'drawer.result': SELL,
  /** The acquirer's details and key are settings: a supervisor (or approves a cashier). */
  'gateway.info': { roles: ['supervisor', 'technician'] },
  'gateway.configure': APPROVED,
  'store.check': PRINTER_SETUP,
  'store.backup': PRINTER_SETUP,

  /** The recovery wizard (收银异常处理) is the cashier's; settling money is a supervisor's. */
  'order.lookup': SELL,
  'order.sync': SELL,
  'order.timeline': SELL,
  'sale.park': SELL,
  'case.list': SELL,
  'case.record': SELL,
  'recovery.note': SELL,
  'recovery.printerCheck': STAFF,
  'order.attachPayment': APPROVED,
  'case.recordUnmatched': APPROVED,
  'case.resolve': APPROVED,

  'user.list': SUPERVISOR,
  'user.add': SUPERVISOR,
  'user.setActive': SUPERVISOR,
  'user.resetPin': SUPERVISOR,
  'audit.list': SUPERVISOR,
  'audit.verify': SUPERVISOR,

  'shift.current': SELL,
  'shift.open': SELL,
  'shift.beginClose': SELL,
  'shift.cancelClose': SELL,
  /** Closing over an unresolved payment carries it to the next shift: a supervisor's call. */
  'shift.close': (input) => (input.carryOver ? APPROVED : SELL),
  'report.x': SELL,
  'report.list': SELL,
  'report.get': SELL,
  'report.reprint': SELL,
  'report.day': APPROVED,

  /** Selling (issue 11): over a limit the service asks for an approval (services/approval.ts). */
  'product.search': SELL,
  'catalogue.info': STAFF,
  'sale.hold': SELL,
  'sale.held': SELL,
  'sale.recall': SELL,
  'sale.discount': SELL,
  'sale.openPrice': SELL,
  /** A price change: a supervisor, or a cashier with a supervisor's approval on the call. */
  'product.setPrice': APPROVED,
  /** The customer display shows the cart to the customer: it signs in as nobody. */
  'display.state': PUBLIC,
  /** The header's store-link badge, on the sign-in screen too. */
  'sync.status': PUBLIC,
};

export function needOf<C extends Channel>(channel: C, input: ParsedInput<C>): Need {
  const rule = PERMISSIONS[channel] as Rule<C>;
  return typeof rule === 'function' ? rule(input) : rule;
}
