import { join } from 'node:path';
import { startKioskServer } from '../kiosk/server';
import type { TillConfig } from './config';
import { startHost, type HostOptions } from './host';
import { kioskToken } from './kioskToken';

/**
 * Kiosk mode: the host services behind the loopback HTTP binding. The token belongs to the data
 * folder (kioskToken.ts), so an open tab keeps working across host restarts.
 */
export async function runKiosk(config: TillConfig, opts: HostOptions) {
  const host = await startHost(config, opts);
  const token = kioskToken(config.dataDir);
  // The customer display's own token: it can read the display's state and nothing else. It
  // belongs to the data folder too, so the display keeps following across host restarts.
  const viewToken = kioskToken(config.dataDir, 'display-token');
  const server = await startKioskServer({
    boundary: host.boundary,
    events: host.events,
    token,
    viewToken,
    staticDir: join(opts.appRoot, 'dist', 'renderer'),
    port: config.port,
  }).catch(async (err: unknown) => {
    await host.close(); // e.g. the port is taken: the store and the lock are let go
    throw err;
  });
  const url = `${server.url}#token=${token}`;
  host.lock.update({ port: server.port, url: server.url });
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
