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
  const server = await startKioskServer({
    handlers: host.handlers,
    events: host.events,
    token,
    staticDir: join(opts.appRoot, 'dist', 'renderer'),
    port: config.port,
    onInternalError: host.onError,
  }).catch(async (err: unknown) => {
    await host.close(); // e.g. the port is taken: the store and the lock are let go
    throw err;
  });
  const url = `${server.url}#token=${token}`;
  host.lock.update({ port: server.port, url: server.url });
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
