import type { WxReply } from '../../electron/gateway/wechat/wire';
import { between, rng, streamSeed, type SimClock } from './sim';

/**
 * The network between till and acquirer: the bench's fault model.
 *
 * Two kinds of trouble, both seeded per payment and identical for every strategy:
 *
 * 1. Independent per-call faults (`faultRate`, default 7.5%): the k-th call of payment i draws
 *    its fate and its delays from payment i's own stream (four draws per call, whatever
 *    happens), so the k-th call meets the same network whichever strategy makes it.
 *    - lost request: never reaches the acquirer; the client waits its whole timeout.
 *    - lost reply: the acquirer acts; the client waits its whole timeout.
 *    - 5xx: the front end answers an error after a round trip; the order logic never ran.
 *    One third each.
 * 2. Outages (`outageRate`, default 2% of payments): the shop's Wi-Fi or router drops, or the
 *    acquirer has an incident, for tens of seconds. A payment that runs into one gets a window
 *    of simulated time [from, to): `from` is 30 s before to 30 s after the payment started (about
 *    half of the windows are already open when the pay call is sent; the others open during the
 *    polling or the reverse, and miss a payment that is over by then), the window lasts 20–120 s. Every call of that
 *    payment *sent* inside the window fails, whoever sends it (the loop, a retry, a
 *    reconciler), and the order logic never runs:
 *    - link down (half the outages): every request is lost; the client hangs to its timeout.
 *    - acquirer incident (the other half): each call is a 5xx (fast) or hangs to its timeout,
 *      half and half by the call's own draw.
 *    The window is drawn from a separate stream (purpose 4) and anchored on the payment's start
 *    (`startOf`, the customer's arrival; every strategy sends its pay call then), so it is the
 *    same absolute time span for every strategy.
 *
 * With the defaults, ~10% of all calls fail for our engine (7.5% independent plus the outage
 * calls, which are many per affected payment because every loop retries through them); the
 * bench prints the measured share per strategy.
 */

export type Fault = 'lost-request' | 'lost-reply' | 'http-5xx';
export type Delivery<T> = { ok: true; reply: T } | { ok: false; fault: Fault };
export type CallKind = 'pay' | 'query' | 'reverse' | 'refund';

export interface Outage {
  from: number;
  to: number;
  kind: 'link-down' | 'acquirer-incident';
}

export interface NetOptions {
  seed: number;
  clock: SimClock;
  /** Share of calls hit by an independent fault (default 7.5%). */
  faultRate?: number;
  /** Share of payments given an outage window (default 2%). */
  outageRate?: number;
  /** Outage start relative to the payment's start, ms (default -30 s to +30 s). */
  outageStartMs?: [number, number];
  /** Outage length, ms (default 20–120 s). */
  outageLengthMs?: [number, number];
  /** When payment `index` starts (its pay call). Default: when its first call is sent. */
  startOf?: (index: number) => number;
  /** One-way delay range, ms (default 40–150, so 80–300 ms a round trip). */
  oneWayMs?: [number, number];
}

/** One call as the bench saw it, for explaining a payment afterwards. */
export interface TraceEntry {
  sentAt: number;
  kind: CallKind;
  fault?: Fault;
  /** The fault came from an outage window, not from the per-call dice. */
  outage?: boolean;
  /** When the request reached the acquirer's order logic (not for lost requests or 5xx). */
  arrivedAt?: number;
  reply?: string;
}

/** WeChat reply in one line: SUCCESS / FAIL:ERR / SUCCESS:TRADE_STATE, recall. */
export function describeReply(r: unknown): string {
  const w = r as Partial<WxReply>;
  const parts = [w.result_code ?? w.return_code ?? '?'];
  if (w.err_code) parts.push(w.err_code);
  if (w.trade_state) parts.push(w.trade_state);
  if (w.recall) parts.push(`recall=${w.recall}`);
  return parts.join(':');
}

export interface CallCounts {
  pay: number;
  query: number;
  reverse: number;
  refund: number;
  faults: number;
  /** Of `faults`, those from an outage window. */
  outageFaults: number;
}

export const DEFAULT_FAULT_RATE = 0.075;
export const DEFAULT_OUTAGE_RATE = 0.02;

export function createNetwork(opts: NetOptions) {
  const faultRate = opts.faultRate ?? DEFAULT_FAULT_RATE;
  const outageRate = opts.outageRate ?? DEFAULT_OUTAGE_RATE;
  const [startLo, startHi] = opts.outageStartMs ?? [-30_000, 30_000];
  const [lenLo, lenHi] = opts.outageLengthMs ?? [20_000, 120_000];
  const [lo, hi] = opts.oneWayMs ?? [40, 150];
  const streams = new Map<number, () => number>();
  const counts = new Map<number, CallCounts>();
  const traces = new Map<number, TraceEntry[]>();
  const outages = new Map<number, Outage | null>();
  const { clock } = opts;

  /** Payment `index`'s outage window, if it has one (null if none, undefined if not anchored yet). */
  function outageOf(index: number): Outage | null | undefined {
    if (outages.has(index)) return outages.get(index);
    const start = opts.startOf?.(index) ?? traces.get(index)?.[0]?.sentAt;
    if (start === undefined) return undefined;
    const r = rng(streamSeed(opts.seed, index, 4));
    const hit = r() < outageRate;
    const from = start + between(r, startLo, startHi);
    const to = from + between(r, lenLo, lenHi);
    const kind = r() < 0.5 ? 'link-down' : 'acquirer-incident';
    const o = hit ? ({ from, to, kind } satisfies Outage) : null;
    outages.set(index, o);
    return o;
  }

  function countsOf(index: number): CallCounts {
    let c = counts.get(index);
    if (!c) {
      c = { pay: 0, query: 0, reverse: 0, refund: 0, faults: 0, outageFaults: 0 };
      counts.set(index, c);
    }
    return c;
  }

  async function fail<T>(
    fault: Fault,
    up: number,
    down: number,
    timeoutMs: number,
    handle: () => T,
    entry: TraceEntry,
  ): Promise<Delivery<T>> {
    entry.fault = fault;
    if (fault === 'lost-request') {
      await clock.sleep(timeoutMs);
    } else if (fault === 'lost-reply') {
      await clock.sleep(up);
      entry.arrivedAt = clock.now();
      entry.reply = describeReply(handle());
      await clock.sleep(timeoutMs - up);
    } else {
      await clock.sleep(up + down);
    }
    return { ok: false, fault };
  }

  return {
    counts,
    traces,
    outageOf,
    countsOf,
    async call<T>(
      index: number,
      kind: CallKind,
      timeoutMs: number,
      handle: () => T,
    ): Promise<Delivery<T>> {
      let r = streams.get(index);
      if (!r) streams.set(index, (r = rng(streamSeed(opts.seed, index, 2))));
      // Always four draws per call, whatever happens, to keep the streams aligned.
      const f = r();
      const which = r();
      const up = between(r, lo, hi);
      const down = between(r, lo, hi);
      const c = countsOf(index);
      c[kind]++;
      const now = clock.now();
      const entry: TraceEntry = { sentAt: now, kind };
      let trace = traces.get(index);
      if (!trace) traces.set(index, (trace = []));
      trace.push(entry);
      const o = outageOf(index);
      if (o && now >= o.from && now < o.to) {
        c.faults++;
        c.outageFaults++;
        entry.outage = true;
        const fault = o.kind === 'link-down' || which < 0.5 ? 'lost-request' : 'http-5xx';
        return fail(fault, up, down, timeoutMs, handle, entry);
      }
      if (f < faultRate) {
        c.faults++;
        const fault: Fault =
          which < 1 / 3 ? 'lost-request' : which < 2 / 3 ? 'lost-reply' : 'http-5xx';
        return fail(fault, up, down, timeoutMs, handle, entry);
      }
      await clock.sleep(up);
      entry.arrivedAt = clock.now();
      const reply = handle();
      entry.reply = describeReply(reply);
      await clock.sleep(down);
      return { ok: true, reply };
    },
  };
}
export type Network = ReturnType<typeof createNetwork>;
