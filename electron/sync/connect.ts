import pg from 'pg';

export interface SyncTarget {
  /** postgres://user[:password]@host:port/database */
  url: string;
  /** From the key store when the URL carries none. */
  password?: string | null;
}

/** host:port/database, for screens and logs: never the user or the password. */
export function describeTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(unparsable sync URL)';
  }
}

/**
 * One client per attempt, with bounded waits everywhere: a server that stops answering makes a
 * push fail in seconds, never hang the worker. An idle client's socket error is caught here;
 * without a listener Node would end the till's process.
 */
export async function connectPg(target: SyncTarget, appName: string): Promise<pg.Client> {
  const url = new URL(target.url);
  if (target.password && !url.password) url.password = target.password;
  const client = new pg.Client({
    connectionString: url.toString(),
    connectionTimeoutMillis: 5_000,
    query_timeout: 20_000,
    statement_timeout: 15_000,
    keepAlive: true,
    application_name: appName,
  });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}
