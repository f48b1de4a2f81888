import { CHANNELS, EVENTS, type Channel, type EventName } from '../../../shared/channels';
import type { EventPayload, TillApi } from '../../../shared/contract';
import type { ApiError, Result } from '../../../shared/result';

/** The small part of EventSource the client needs, so tests can pass their own. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface KioskOptions {
  /** '' for same origin (the page is served by the host), or e.g. http://127.0.0.1:4321. */
  baseUrl: string;
  token: string | null;
  fetch?: typeof fetch;
  openEvents?: (url: string) => EventSourceLike;
  /**
   * The event stream came back after a break (the host restarted, the cable was out): whatever
   * happened meanwhile was missed, so the page reloads what it shows from the host.
   */
  onReconnect?: () => void;
}

function internal(detail: string): Result<never> {
  const error: ApiError = {
    code: 'INTERNAL',
    message: `The till host could not be reached (${detail}).`,
    messageZh: '无法连接收银主机，请稍后重试。',
  };
  return { ok: false, error };
}

function isEnvelope(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const b = body as { ok: unknown; error?: { code?: unknown; messageZh?: unknown } };
  if (b.ok === true) return 'value' in body;
  return (
    b.ok === false && typeof b.error?.code === 'string' && typeof b.error.messageZh === 'string'
  );
}

/** Calls `POST /api/<channel>`; whatever happens on the wire, the answer is a Result. */
export async function callKiosk(
  opts: KioskOptions,
  channel: Channel,
  input: unknown,
): Promise<Result<unknown>> {
  const doFetch = opts.fetch ?? fetch;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  let response: Response;
  try {
    response = await doFetch(`${opts.baseUrl}/api/${channel}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(input ?? {}),
    });
  } catch (err) {
    return internal(err instanceof Error ? err.message : String(err));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return internal(`HTTP ${response.status}, reply is not JSON`);
  }
  return isEnvelope(body) ? body : internal(`HTTP ${response.status}, reply is not a Result`);
}

type AnyListener = (payload: unknown) => void;

/** One EventSource shared by all listeners; opened on the first subscription. */
function eventHub(opts: KioskOptions) {
  const listeners = new Map<EventName, Set<AnyListener>>(EVENTS.map((e) => [e, new Set()]));
  let source: EventSourceLike | null = null;
  const open = opts.openEvents ?? ((url: string) => new EventSource(url));
  const ensureOpen = () => {
    if (source) return;
    const url = `${opts.baseUrl}/api/events?token=${encodeURIComponent(opts.token ?? '')}`;
    source = open(url);
    let opens = 0;
    // EventSource reconnects by itself after a network error; every open after the first is a
    // reconnect, and the page must not go on showing a cart the host may no longer hold.
    source.addEventListener('open', () => {
      opens += 1;
      if (opens > 1) opts.onReconnect?.();
    });
    for (const name of EVENTS) {
      source.addEventListener(name, (event) => {
        let payload: unknown;
        try {
          payload = JSON.parse(String(event.data));
        } catch {
          return;
        }
        for (const l of listeners.get(name) ?? []) l(payload);
      });
    }
  };
  return <E extends EventName>(name: E, listener: (p: EventPayload<E>) => void) => {
    const set = listeners.get(name);
    if (!set) return () => undefined;
    const l = listener as AnyListener;
    set.add(l);
    ensureOpen();
    return () => {
      set.delete(l);
      if ([...listeners.values()].every((s) => s.size === 0)) {
        source?.close();
        source = null;
      }
    };
  };
}

export function createKioskApi(opts: KioskOptions): TillApi {
  const methods = Object.fromEntries(
    CHANNELS.map((c) => [c, (input: unknown) => callKiosk(opts, c, input)]),
  );
  return { ...methods, on: eventHub(opts) } as unknown as TillApi;
}
