import type { EventName } from '../../../shared/channels';
import type { EventPayload, TillApi } from '../../../shared/contract';
import type { OrderSummary } from '../../../shared/api/search';
import type { Payment, Sale } from '../../../shared/domain';
import { apiError, type ErrorCode } from '../../../shared/errors';
import type { ApiError, Result } from '../../../shared/result';
import type { FakeAccess } from './fake-access';
import type { FakeShift } from './fake-shift';

/**
 * The fake host's staff, audit, search and shift channels (fake-till.ts wires them in): the
 * same answers the real handlers give, from the fake's own orders and payments.
 */
type StaffChannel =
  | 'auth.current'
  | 'auth.signIn'
  | 'auth.signOut'
  | 'auth.setup'
  | 'user.list'
  | 'user.add'
  | 'user.setActive'
  | 'user.resetPin'
  | 'audit.list'
  | 'audit.verify'
  | 'order.search'
  | 'shift.current'
  | 'shift.open'
  | 'shift.beginClose'
  | 'shift.cancelClose'
  | 'shift.close'
  | 'report.x'
  | 'report.day'
  | 'report.list'
  | 'report.get'
  | 'report.reprint';

const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
const no = (code: ErrorCode, field?: string): Promise<Result<never>> =>
  Promise.resolve({ ok: false, error: apiError(code, field) });
const now = () => new Date().toISOString();

/** A value, or the refusal the fake domain returned instead; `audit` runs on success. */
export function answerOf<T extends object>(r: T | ApiError, audit: () => void): Promise<Result<T>> {
  if ('code' in r && 'messageZh' in r) return Promise.resolve({ ok: false, error: r as ApiError });
  audit();
  return ok(r as T);
}

interface Deps {
  access: FakeAccess;
  shift: FakeShift;
  answer: <T extends object>(r: T | ApiError, action: string) => Promise<Result<T>>;
  emit: <E extends EventName>(e: E, p: EventPayload<E>) => void;
  refundSummary: (orderId: string) => { state: 'NONE' | 'PARTIAL' | 'FULL'; refundedFen: number };
  orders: Map<string, Sale>;
  ofOrder: (orderId: string) => Payment[];
  /** Other tills' orders in the store database (a number search asks it), and whether it is away. */
  storeDb: FakeStoreDb;
}
export interface FakeStoreDb {
  orders: OrderSummary[];
  down: boolean;
}

export function staffChannels(d: Deps): Pick<TillApi, StaffChannel> {
  const { access, shift, answer, emit, refundSummary, orders, ofOrder, storeDb } = d;
  return {
    'auth.current': () => ok(access.session()),
    'auth.signIn': ({ userId, pin }) => {
      const refused = access.signIn(userId, pin);
      if (refused) return Promise.resolve({ ok: false, error: refused });
      emit('auth.changed', access.session());
      return ok(access.session());
    },
    'auth.signOut': () => {
      access.signOut();
      emit('auth.changed', access.session());
      return ok(access.session());
    },
    'auth.setup': () => no('FORBIDDEN'),
    'user.list': () => ok({ users: access.users.map(({ pin: _p, ...u }) => u) }),
    'user.add': (u) => {
      if (access.users.some((x) => x.userId === u.userId)) return no('USER_EXISTS', 'userId');
      const row = { ...u, active: true, demo: false, lockedUntil: null, createdAt: now() };
      access.users.push(row);
      const { pin: _p, ...pub } = row;
      return ok(pub);
    },
    'user.setActive': ({ userId, active }) => {
      const u = access.users.find((x) => x.userId === userId);
      if (!u) return no('NOT_FOUND', 'userId');
      u.active = active;
      const { pin: _p, ...pub } = u;
      return ok(pub);
    },
    'user.resetPin': ({ userId, pin }) => {
      const u = access.users.find((x) => x.userId === userId);
      if (!u) return no('NOT_FOUND', 'userId');
      u.pin = pin;
      const { pin: _p, ...pub } = u;
      return ok(pub);
    },
    'audit.list': ({ actor, limit = 50 }) => {
      const rows = access.audit.filter((r) => !actor || r.actor === actor);
      return ok({ rows: rows.slice(0, limit), hasMore: rows.length > limit });
    },
    'audit.verify': () =>
      ok({ ok: true, rows: access.audit.length, legacyRows: 0, head: null, firstBad: null }),
    'order.search': ({ number, status, pageSize = 20 }) => {
      const list = [...orders.values()]
        .filter((o) => o.status !== 'OPEN' || ofOrder(o.orderId).length > 0)
        .filter(
          (o) =>
            !number ||
            o.orderId.endsWith(number) ||
            ofOrder(o.orderId).some((p) => p.merchantOrderNo.endsWith(number)),
        )
        .map((o) => {
          const r = refundSummary(o.orderId);
          const state =
            o.status !== 'PAID'
              ? ('open' as const)
              : r.state === 'NONE'
                ? ('paid' as const)
                : r.state === 'FULL'
                  ? ('refunded' as const)
                  : ('partly_refunded' as const);
          return {
            orderId: o.orderId,
            status: o.status,
            state,
            totalFen: o.totalFen,
            refundedFen: r.refundedFen,
            cashier: '1001',
            cashierName: '王芳',
            createdAt: o.createdAt,
            paidAt: null,
            payments: ofOrder(o.orderId).map((p) => ({
              method: p.method,
              amountFen: p.amountFen,
              state: p.state,
              merchantOrderNo: p.merchantOrderNo,
              platformOrderNo: p.platformOrderNo,
              thirdPartyOrderNo: p.thirdPartyOrderNo,
            })),
          };
        })
        .filter((o) => !status || o.state === status)
        .reverse();
      // As the host: a number is asked at the store database too; away, with no match here, the
      // answer is STORE_OFFLINE, with matches here they answer and say the store was away.
      const remote =
        number && !storeDb.down
          ? storeDb.orders.filter((o) => o.payments.some((p) => p.merchantOrderNo.endsWith(number)))
          : [];
      if (number && storeDb.down && list.length === 0) return no('STORE_OFFLINE');
      const all = [...list, ...remote];
      return ok({
        orders: all.slice(0, pageSize),
        page: 1,
        pageSize,
        hasMore: all.length > pageSize,
        ...(number && storeDb.down ? { storeOffline: true } : {}),
      });
    },
    'shift.current': () => ok({ shift: shift.current() }),
    'shift.open': ({ floatFen }) => answer(shift.open(floatFen), 'shift.open'),
    'shift.beginClose': () => answer(shift.move('CLOSING'), 'shift.beginClose'),
    'shift.cancelClose': () => answer(shift.move('OPEN'), 'shift.cancelClose'),
    'shift.close': ({ countedFen, carryOver }) =>
      answer(shift.close(countedFen, carryOver ?? false), 'shift.close'),
    'report.x': () => answer(shift.x(), 'report.print'),
    'report.day': () => answer(shift.x(), 'report.print'),
    'report.list': () => ok({ reports: shift.reports.map(({ text: _t, figures: _f, ...r }) => r) }),
    'report.get': ({ reportId }) => {
      const r = shift.reports.find((x) => x.reportId === reportId);
      return r ? ok(r) : no('NOT_FOUND', 'reportId');
    },
    'report.reprint': ({ reportId }) => answer(shift.reprint(reportId), 'report.print'),
  };
}
