import { z } from 'zod';
import type { SandboxProtocol } from './orders';

/**
 * The scriptable NETWORK of the sandbox (payments.md §6.6). Counted faults apply to the next n
 * gateway requests of any protocol and are used up; none of them changes what the customer was
 * charged — a dropped or hung reply still commits, a 5xx is refused before anything happens.
 */
export const SandboxFaultsSchema = z
  .object({
    /** Next n requests: HTTP 500, not processed at all. */
    http5xx: z.number().int().min(0).max(1000),
    /** Processed, then the reply waits this long (a client with a shorter timeout gives up). */
    hangMs: z.number().int().min(0).max(600_000),
    /** How many requests hang; default 1. */
    hangCount: z.number().int().min(0).max(1000),
    /** Next n WeChat/Alipay replies carry a wrong signature (the request still commits). */
    badSignature: z.number().int().min(0).max(1000),
    /** Next n requests are processed, then the socket is destroyed without a reply. */
    dropAfterCommit: z.number().int().min(0).max(1000),
    /**
     * The next request is processed, its reply is lost, and the link stays down from then on:
     * every later request is a 5xx until `http5xx` is set back to 0 (a 掉单 in an outage).
     */
    dropThenDown: z.number().int().min(0).max(1),
    /** Next n reverse/cancel calls answer "call again" (WeChat recall=Y, Alipay retry_flag=Y, upay CANCEL_IN_PROGRESS) without acting. */
    retryCancel: z.number().int().min(0).max(1000),
    /** Queries of the same order closer together than this are refused and counted; null = off. */
    rateLimit: z.object({ minGapMs: z.number().int().min(0).max(600_000) }).nullable(),
  })
  .partial()
  .strict();
export type SandboxFaults = z.infer<typeof SandboxFaultsSchema>;

export type CallKind = 'pay' | 'query' | 'cancel' | 'refund';

export interface SandboxStats {
  /** Calls per kind, all protocols together. */
  calls: Record<CallKind, number>;
  byProtocol: Record<SandboxProtocol, Record<CallKind, number>>;
  /** Queries refused by `rateLimit`. */
  rateLimitViolations: number;
  /** Faults actually applied so far. */
  faultsApplied: {
    http5xx: number;
    hang: number;
    badSignature: number;
    dropAfterCommit: number;
    retryCancel: number;
    dropThenDown: number;
  };
}

type Counted = 'http5xx' | 'badSignature' | 'dropAfterCommit' | 'retryCancel' | 'dropThenDown';

const zero = (): Record<CallKind, number> => ({ pay: 0, query: 0, cancel: 0, refund: 0 });

export class FaultState {
  private faults: Required<Omit<SandboxFaults, 'rateLimit'>> & {
    rateLimit: { minGapMs: number } | null;
  } = {
    http5xx: 0,
    hangMs: 0,
    hangCount: 0,
    badSignature: 0,
    dropAfterCommit: 0,
    retryCancel: 0,
    dropThenDown: 0,
    rateLimit: null,
  };
  private readonly lastQuery = new Map<string, number>();
  private readonly s: SandboxStats = {
    calls: zero(),
    byProtocol: { upay: zero(), wechat: zero(), alipay: zero() },
    rateLimitViolations: 0,
    faultsApplied: {
      http5xx: 0,
      hang: 0,
      badSignature: 0,
      dropAfterCommit: 0,
      retryCancel: 0,
      dropThenDown: 0,
    },
  };

  /** Merges: keys not given keep their value. `hangMs` alone arms one hang. */
  set(f: SandboxFaults): void {
    const hangCount =
      f.hangCount ?? (f.hangMs !== undefined ? (f.hangMs > 0 ? 1 : 0) : this.faults.hangCount);
    this.faults = { ...this.faults, ...f, hangCount };
  }

  current(): SandboxFaults {
    return { ...this.faults };
  }

  /** Uses up one count of a fault; true if it applies to this request. */
  take(name: Counted): boolean {
    if (this.faults[name] <= 0) return false;
    this.faults[name] -= 1;
    this.s.faultsApplied[name] += 1;
    return true;
  }

  takeHang(): number {
    if (this.faults.hangCount <= 0 || this.faults.hangMs <= 0) return 0;
    this.faults.hangCount -= 1;
    this.s.faultsApplied.hang += 1;
    return this.faults.hangMs;
  }

  count(protocol: SandboxProtocol, kind: CallKind): void {
    this.s.calls[kind] += 1;
    this.s.byProtocol[protocol][kind] += 1;
  }

  /** Every query attempt counts as the latest, so a client hammering the acquirer stays refused. */
  rateLimited(orderKey: string, now: number): boolean {
    const limit = this.faults.rateLimit;
    const last = this.lastQuery.get(orderKey);
    this.lastQuery.set(orderKey, now);
    if (!limit || last === undefined || now - last >= limit.minGapMs) return false;
    this.s.rateLimitViolations += 1;
    return true;
  }

  stats(): SandboxStats {
    return structuredClone(this.s);
  }
}
