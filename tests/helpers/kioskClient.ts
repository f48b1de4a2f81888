/** A plain HTTP client of the kiosk API, as curl or an integrator would use it. */
export function kioskClient(port: number, token: string) {
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    async call(channel: string, body: unknown, headers: Record<string, string> = {}) {
      const res = await fetch(`${base}/api/${channel}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          ...headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return {
        status: res.status,
        json: (await res.json()) as {
          ok: boolean;
          value?: never;
          error?: { code: string; messageZh: string; field?: string };
        },
      };
    },
  };
}
