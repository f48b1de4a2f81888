import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  isEventName,
  VIEW_CHANNELS,
  VIEW_EVENTS,
  type Channel,
  type EventName,
} from '../../shared/channels';
import { apiError, type ErrorCode } from '../../shared/errors';
import { fail, type Result } from '../../shared/result';
import type { EventBus } from '../api/events';
import { dispatch, type Boundary } from '../api/dispatch';
import { allowedHost, bearer, sameOriginOrNone, tokenMatches } from './guards';
import { serveStatic } from './static';

export interface KioskOptions {
  /** The contract's handlers behind the permission check (electron/api/dispatch.ts). */
  boundary: Boundary;
  events: EventBus;
  token: string;
  /** The customer display's token: it may call VIEW_CHANNELS and hear VIEW_EVENTS, nothing else. */
  viewToken?: string;
  staticDir: string;
  port?: number;
}

const MAX_BODY = 64 * 1024;
const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  VIEW_ONLY: 403,
  UNKNOWN_CHANNEL: 404,
  BAD_REQUEST: 400,
  INTERNAL: 500,
};

function send(res: ServerResponse, result: Result<unknown>): void {
  const status = result.ok ? 200 : (STATUS[result.error.code] ?? 422);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(result));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
}

/** The kiosk binding of the contract: POST /api/<channel>, GET /api/events (SSE), the UI files. */
export async function startKioskServer(
  opts: KioskOptions,
): Promise<{ port: number; url: string; close(): Promise<void> }> {
  let port = 0;
  /** Each event stream with what it may hear (all events, or the display's only). */
  const streams = new Map<ServerResponse, (e: EventName) => boolean>();
  const viewOnly = (given: string | null | undefined) =>
    opts.viewToken !== undefined && tokenMatches(given, opts.viewToken);

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, fail(apiError('INTERNAL')));
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHost(req, port) || !sameOriginOrNone(req, port)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('forbidden host');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/api/events' && req.method === 'GET') return events(url, res);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, fail(apiError('BAD_REQUEST')));
      const given = bearer(req);
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      if (!tokenMatches(given, opts.token)) {
        if (!viewOnly(given)) return send(res, fail(apiError('UNAUTHORIZED')));
        if (!VIEW_CHANNELS.includes(channel as Channel))
          return send(res, fail(apiError('VIEW_ONLY')));
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, fail(apiError('BAD_REQUEST')));
      }
      let body: unknown;
      try {
        body = await readJson(req);
      } catch {
        return send(res, fail(apiError('BAD_REQUEST')));
      }
      return send(res, await dispatch(opts.boundary, channel, body));
    }
    if (req.method !== 'GET') return void res.writeHead(405).end();
    return serveStatic(opts.staticDir, url.pathname, res);
  }

  function events(url: URL, res: ServerResponse): void {
    // EventSource cannot set headers, so the stream takes the token as a query parameter.
    const given = url.searchParams.get('token');
    const full = tokenMatches(given, opts.token);
    if (!full && !viewOnly(given)) return send(res, fail(apiError('UNAUTHORIZED')));
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    // Reconnect within a second after a break (a host restart): the page then reloads its state.
    res.write('retry: 1000\n: connected\n\n');
    streams.set(res, full ? () => true : (e) => VIEW_EVENTS.includes(e));
    res.on('close', () => streams.delete(res));
  }

  const unsubscribe = opts.events.subscribe((event, payload) => {
    if (!isEventName(event)) return;
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const [s, hears] of streams) if (hears(event)) s.write(frame);
  });
  const keepAlive = setInterval(() => {
    for (const s of streams.keys()) s.write(': ping\n\n');
  }, 15_000);
  keepAlive.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      unsubscribe();
      clearInterval(keepAlive);
      for (const s of streams.keys()) s.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
