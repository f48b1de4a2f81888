import { createAccess } from '../../electron/api/access';
import { callApprover } from '../../electron/api/approver';
import { actorId, currentCall, runInCall } from '../../electron/auth/callContext';
import { createSession } from '../../electron/auth/session';
import { createStaff } from '../../electron/auth/staff';
import { importSheet } from '../../electron/catalogue/importer';
import type { Sheet } from '../../electron/catalogue/readFile';
import { createAdjustService } from '../../electron/services/adjust';
import { createCustomerDisplay } from '../../electron/services/display';
import { createHoldService } from '../../electron/services/hold';
import { DEFAULT_LIMITS, type Limits } from '../../electron/services/limits';
import { createSaleService } from '../../electron/services/sale';
import type { Approval } from '../../shared/api/auth';
import type { Channel } from '../../shared/channels';
import { TillError } from '../../shared/errors';
import type { ApiError } from '../../shared/result';
import type { ParsedInput } from '../../shared/contract';
import { parseScaleFormat } from '../../shared/selling/scale';
import { ean } from './catalogueFiles';
import { engineRig } from './engineRig';

/** 9's sandbox demo accounts (electron/auth/staff.ts), and a second cashier. */
export const CASHIER = { userId: '1001', name: '王芳', pin: '1234' };
export const SUPERVISOR = { userId: '8001', name: '李强', pin: '8888' };
export const OTHER_CASHIER = { userId: '1002', name: '李雷', pin: '2468' };
/** What a cashier puts on a call a supervisor approves. */
export const APPROVAL: Approval = { userId: SUPERVISOR.userId, pin: SUPERVISOR.pin };
export const WATER = ean('692100010000');
export const COLA = ean('692100010001');
/** A UPC-A (12 digits), kept as the EAN-13 '0' + UPC-A. */
export const UPC_A = '036000291452';
/** Sold by weight, per 千克, on the scale as PLU 12; per 斤 as PLU 13. */
export const PORK = { barcode: '10012', plu: '12', perKgFen: 2580 };
export const GREENS = { barcode: '10013', plu: '13', perJinFen: 399 };
/** Sold by the piece, with scale price labels: PLU 20. */
export const DELI = { barcode: '10020', plu: '20', priceFen: 1500 };

/** Price labels start 20, weight labels 21 (docs/scale-barcodes.md). */
export const FORMATS = ['20PPPPPEEEEEC', '21PPPPPWWWWWC'].map(parseScaleFormat);

/**
 * The selling services on a real SQLite file, with the real payment engine and the sandbox
 * gateway over HTTP (engineRig), a small catalogue imported through the import itself, and
 * tighter limits so tests reach them. Who acts and who approves is 9's: real staff accounts
 * (scrypt PINs, lockout), a signed-in session, the boundary's access check and the host's
 * approver (callApprover), so a service call runs as it runs behind the boundary.
 */
export async function sellingRig(limits: Partial<Limits> = {}) {
  const rig = await engineRig(undefined, 'upay', {
    // As the host does: audit rows a call writes carry the supervisor who approved it.
    auditContext: () => ({ approver: currentCall()?.approver?.userId ?? null }),
  });
  const sheet: Sheet = {
    format: 'CSV',
    encoding: 'UTF-8',
    header: ['条码', '品名', '售价(分)', '单位', 'PLU'],
    rows: [
      [WATER, '农夫山泉 550ml', 200, '瓶', ''],
      [COLA, '可口可乐 500ml', 350, '瓶', ''],
      [PORK.barcode, '五花肉', PORK.perKgFen, '千克', PORK.plu],
      [GREENS.barcode, '小白菜', GREENS.perJinFen, '斤', GREENS.plu],
      [DELI.barcode, '卤牛肉 一份', DELI.priceFen, '份', DELI.plu],
      [UPC_A, '进口巧克力', 990, '块', ''],
    ].map((cells, i) => ({ line: i + 2, cells })),
  };
  importSheet(rig.repos, sheet, {
    skipBad: false,
    source: 'test',
    actor: 't',
    at: '2026-11-25T09:00:00Z',
  });
  const all: Limits = { ...DEFAULT_LIMITS, lineQty: 30, saleLines: 6, ...limits };
  const sandbox = () => true;
  const staff = createStaff({ repos: rig.repos, clock: rig.clock, sandbox, actor: actorId });
  await staff.ensureDemoUsers();
  await staff.add({ ...OTHER_CASHIER, role: 'cashier' });
  const session = createSession({
    staff,
    repos: rig.repos,
    clock: rig.clock,
    events: rig.events,
    sandbox,
  });
  const access = createAccess({ session, staff });
  await session.signIn(CASHIER.userId, CASHIER.pin);

  /**
   * A call through 9's access check, as dispatch makes it: admitted for the signed-in user, the
   * call's approval (if any) checked against the staff accounts (BAD_PIN, LOCKED…), then fn runs
   * inside that call, where callApprover and the audit rows read who approved it.
   */
  async function call<T>(channel: Channel, fn: () => T, approval?: Approval): Promise<T> {
    const ctx = await access.admit(channel, {} as ParsedInput<Channel>, approval);
    return runInCall(ctx, fn);
  }
  /**
   * A service method called straight (outside call()) runs as the signed-in user's call with
   * no approval, the way the boundary runs a call that carries none.
   */
  const asSignedIn = <S extends object>(service: S): S =>
    Object.fromEntries(
      Object.entries(service).map(([k, v]) => [
        k,
        typeof v === 'function'
          ? (...args: unknown[]) =>
              currentCall()
                ? (v as (...a: unknown[]) => unknown)(...args)
                : runInCall({ channel: 'sale.current', user: session.user(), approver: null }, () =>
                    (v as (...a: unknown[]) => unknown)(...args),
                  )
          : v,
      ]),
    ) as S;

  const sales = asSignedIn(
    createSaleService({
      repos: rig.repos,
      clock: rig.clock,
      events: rig.events,
      actor: actorId,
      limits: all,
      scaleFormats: FORMATS,
    }),
  );
  const common = {
    repos: rig.repos,
    sales,
    clock: rig.clock,
    limits: all,
    approve: callApprover,
    actor: actorId,
  };
  const display = createCustomerDisplay({
    repos: rig.repos,
    events: rig.events,
    clock: rig.clock,
    current: sales.current,
    storeName: '测试店',
    sandbox: true,
  });
  return {
    ...rig,
    sales,
    holds: asSignedIn(createHoldService(common)),
    adjust: asSignedIn(createAdjustService(common)),
    display,
    limits: all,
    staff,
    session,
    call,
    signIn: (user: { userId: string; pin: string }) => session.signIn(user.userId, user.pin),
  };
}
export type SellingRig = Awaited<ReturnType<typeof sellingRig>>;

/** The error code a service call throws. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
  return 'no error';
}

/** The envelope's error a call ends in, as the boundary answers it (TillError.toApiError). */
export async function refusalOf(fn: () => unknown): Promise<ApiError | 'no error'> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof TillError) return err.toApiError();
    throw err;
  }
  return 'no error';
}
