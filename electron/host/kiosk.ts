import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startKioskServer } from '../kiosk/server';
import type { TillConfig } from './config';
import { startHost, type HostOptions } from './host';

/** Kiosk mode: the host services behind the loopback HTTP binding, with a fresh token per start. */
export async function runKiosk(config: TillConfig, opts: HostOptions) {
  const host = await startHost(config, opts);
  const token = randomBytes(24).toString('base64url');
  // The customer display's own token: it can read the display's state and nothing else.
  const viewToken = randomBytes(24).toString('base64url');
  const server = await startKioskServer({
    handlers: host.handlers,
    events: host.events,
    token,
    viewToken,
    staticDir: join(opts.appRoot, 'dist', 'renderer'),
    port: config.port,
    onInternalError: host.onError,
  });
  const url = `${server.url}#token=${token}`;
  const displayUrl = `${server.url}#view=${viewToken}`;
  return {
    host,
    url,
    token,
    displayUrl,
    port: server.port,
    async close() {
      await server.close();
      await host.close();
    },
  };
}
