import {
  isPrinterError,
  notReady,
  queryStatus,
  type PrinterStatus,
  type Transport,
} from '../../printer';
import type { PrinterHealth } from '../../shared/api/print';
import { WAITING_PRINT_TEXT } from '../../shared/printing';
import { iso, type Clock } from '../services/clock';
import type { AttemptOutcome } from './printAttempt';

export interface HealthDeps {
  printerUri: () => string;
  openTransport: (uri: string) => Transport;
  clock: Clock;
  statusTimeoutMs: number;
  onChange: (h: PrinterHealth) => void;
}

const text = (code: string | null): string | null =>
  code ? (WAITING_PRINT_TEXT[code] ?? null) : null;

/**
 * What the till last learnt about its printer: from every job's status checks, and from a
 * status query while idle, so the header never shows "ready" for a printer that went away.
 */
export function createHealth(d: HealthDeps) {
  let current: PrinterHealth = {
    state: d.printerUri() === 'none' ? 'none' : 'unknown',
    reasonCode: null,
    reasonText: null,
    paperNearEnd: false,
    checkedAt: null,
  };

  function set(next: Omit<PrinterHealth, 'checkedAt'>): PrinterHealth {
    const changed =
      next.state !== current.state ||
      next.reasonCode !== current.reasonCode ||
      next.paperNearEnd !== current.paperNearEnd;
    current = { ...next, checkedAt: iso(d.clock.now()) };
    if (changed) d.onChange(current);
    return current;
  }
  function fromStatus(s: PrinterStatus): PrinterHealth {
    const why = notReady(s);
    return set({
      state: why ? 'not-ready' : 'ready',
      reasonCode: why,
      reasonText: text(why),
      paperNearEnd: s.paperNearEnd,
    });
  }
  function unreachable(code: string): PrinterHealth {
    const none = d.printerUri() === 'none';
    return set({
      state: none ? 'none' : 'unreachable',
      reasonCode: code,
      reasonText: text(code),
      paperNearEnd: false,
    });
  }

  return {
    current: (): PrinterHealth => current,
    fromAttempt(r: AttemptOutcome): void {
      if (r.kind === 'gone') return;
      if (r.status) fromStatus(r.status);
      else if (r.kind !== 'printed' && r.reason.code === 'WRITE_ONLY')
        set({ state: 'write-only', reasonCode: null, reasonText: null, paperNearEnd: false });
      else if (r.kind !== 'printed') unreachable(r.reason.code);
    },
    /** One DLE EOT 1–4 round (call it inside the printer lane). */
    async check(): Promise<PrinterHealth> {
      let t: Transport | null = null;
      try {
        t = d.openTransport(d.printerUri());
        await t.open();
        if (t.canRead === false)
          return set({
            state: 'write-only',
            reasonCode: null,
            reasonText: null,
            paperNearEnd: false,
          });
        return fromStatus(await queryStatus(t, d.statusTimeoutMs, { recover: false }));
      } catch (e) {
        return unreachable(isPrinterError(e) ? e.code : 'IO');
      } finally {
        await t?.close().catch(() => undefined);
      }
    },
  };
}
