import {
  drawerPulseNow,
  isPrinterError,
  openDrawer,
  PrinterError,
  type Transport,
} from '../../printer';
import type { DrawerReason, DrawerResult } from '../../shared/api/print';
import { TillError } from '../../shared/errors';
import type { EventBus } from '../api/events';
import type { Repos } from '../store';
import { iso, type Clock } from '../services/clock';
import type { PrinterLane } from './printerLane';

export interface DrawerDeps {
  /** The print queue's lane: a kick waits for the job at the printer, then goes first. */
  lane: PrinterLane;
  printerUri: () => string;
  openTransport: (uri: string) => Transport;
  audit: Repos['audit'];
  clock: Clock;
  events: EventBus;
  /** Who is at the till (issue 9 passes the signed-in user). */
  actor: () => string;
  timeoutMs?: number;
  /** Every opening's result (the host re-checks a printer that answered after all). */
  onResult?: (r: DrawerResult) => void;
}

const hex = (b: Uint8Array): string =>
  Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

/**
 * The cash drawer hangs off the printer but is never part of a receipt: it is kicked on its own
 * when the cash is taken (before the receipt, whether or not the receipt can print), on a
 * supervisor's no-sale, a technician's test, or the cashier's retry. Every opening is audited
 * (drawer.open, detail { reason, orderId?, ok }) and announced, so a drawer that stayed shut is
 * on the cashier's screen at once.
 */
export function createDrawer(d: DrawerDeps) {
  const last = new Map<string, DrawerResult>();

  async function kick(reason: DrawerReason, orderId: string | null, note?: string) {
    let t: Transport | null = null;
    let result: DrawerResult;
    try {
      t = d.openTransport(d.printerUri());
      await t.open();
      const r = await openDrawer(t, { timeoutMs: d.timeoutMs ?? 1500 });
      result = {
        ok: true,
        reason,
        orderId,
        command: r.command,
        hex: hex(r.bytes),
        errorCode: null,
        errorText: null,
        at: iso(d.clock.now()),
      };
    } catch (e) {
      const err = isPrinterError(e) ? e : new PrinterError('IO', String(e));
      result = {
        ok: false,
        reason,
        orderId,
        command: null,
        hex: null,
        errorCode: err.code,
        errorText: err.messageZh,
        at: iso(d.clock.now()),
      };
    } finally {
      await t?.close().catch(() => undefined);
    }
    return finish(result, note);
  }

  function finish(result: DrawerResult, note?: string): DrawerResult {
    const { orderId, reason } = result;
    d.audit.record(result.at, d.actor(), 'drawer.open', orderId, {
      reason,
      ...(orderId ? { orderId } : {}),
      ok: result.ok,
      ...(result.errorCode ? { error: result.errorCode } : {}),
      ...(note ? { note } : {}),
    });
    if (orderId) last.set(orderId, result);
    d.events.emit('drawer.updated', result);
    d.onResult?.(result);
    return result;
  }

  /**
   * A receipt is at the printer (a slow printer, several sales queued): the drawer must not
   * wait for it. The real-time pulse goes onto that job's open link, after its whole commands,
   * and the printer runs it on arrival. If that link is already closing, take the next turn.
   */
  async function alongside(reason: DrawerReason, orderId: string | null, note?: string) {
    const t = d.lane.active;
    if (!t || t.canRead === false) return null;
    const pulse = Uint8Array.from(drawerPulseNow(2));
    try {
      await t.write(pulse);
    } catch {
      return null;
    }
    return finish(
      {
        ok: true,
        reason,
        orderId,
        command: 'DLE DC4',
        hex: hex(pulse),
        errorCode: null,
        errorText: null,
        at: iso(d.clock.now()),
      },
      note,
    );
  }

  const open = async (reason: DrawerReason, orderId: string | null, note?: string) =>
    (await alongside(reason, orderId, note)) ?? d.lane.run(() => kick(reason, orderId, note), true);

  return {
    open,
    /** Cash was taken for this order (called in the same tick as the PAID commit). */
    sale: (orderId: string): Promise<DrawerResult> => open('sale', orderId),
    /** Only after this order's own opening failed: the retry is not a way to open at will. */
    retry(orderId: string): Promise<DrawerResult> {
      const prev = last.get(orderId);
      if (!prev || prev.ok) throw new TillError('BAD_REQUEST', 'orderId', 'no failed opening');
      return open('retry', orderId);
    },
    noSale: (note?: string): Promise<DrawerResult> => open('no-sale', null, note),
    test: (): Promise<DrawerResult> => open('test', null),
    result: (orderId: string): DrawerResult | null => last.get(orderId) ?? null,
  };
}
export type Drawer = ReturnType<typeof createDrawer>;
