import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startKioskServer } from '../kiosk/server';
import type { TillConfig } from './config';
import { startHost, type HostOptions } from './host';

/** Kiosk mode: the host services behind the loopback HTTP binding, with a fresh token per start. */
export async function runKiosk(config: TillConfig, opts: HostOptions) {
  const host = await startHost(config, opts);
  const token = randomBytes(24).toString('base64url');
  const server = await startKioskServer({
    boundary: host.boundary,
    events: host.events,
    token,
    staticDir: join(opts.appRoot, 'dist', 'renderer'),
    port: config.port,
  });
  const url = `${server.url}#token=${token}`;
  return {
    host,
    url,
    token,
    port: server.port,
    async close() {
      await server.close();
      await host.close();
    },
  };
}
