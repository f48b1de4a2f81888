/** A plain HTTP client of the kiosk API, as curl or an integrator would use it. */
export function kioskClient(port: number, token: string) {
  const base = `http://127.0.0.1:${port}`;
  const client = {
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
          error?: {
            code: string;
            messageZh: string;
            message: string;
            field?: string;
            need?: { roles: string[]; approval: boolean; signIn: boolean };
          };
        },
      };
    },
    /** The value of a call that must succeed. */
    async value<T = Record<string, never>>(channel: string, body: unknown = {}): Promise<T> {
      const r = await client.call(channel, body);
      if (!r.json.ok) throw new Error(`${channel}: ${JSON.stringify(r.json.error)}`);
      return r.json.value as T;
    },
    /**
     * Signs `who` in (the sandbox demo cashier by default) and opens a shift when none is open,
     * so sale channels work. With a live gateway and no supervisor yet, the first supervisor
     * (8001/8888) is created first and the cashier (1001/1234) added by them.
     */
    async signIn(who: SignIn = DEMO.cashier, opts: { shift?: boolean } = {}): Promise<void> {
      const s = await client.value<{ setupRequired: boolean }>('auth.current');
      if (s.setupRequired) {
        const { userId, name, pin } = DEMO.supervisor;
        await client.value('auth.setup', { userId, name, pin });
        for (const u of [DEMO.cashier, DEMO.technician])
          await client.call('user.add', {
            userId: u.userId,
            name: u.name,
            role: u.role,
            pin: u.pin,
          });
      }
      await client.value('auth.signIn', { userId: who.userId, pin: who.pin });
      if (opts.shift === false || who.role === 'technician') return;
      const { shift } = await client.value<{ shift: unknown }>('shift.current');
      if (!shift) await client.value('shift.open', { floatFen: 0 });
    },
  };
  return client;
}
export type KioskClient = ReturnType<typeof kioskClient>;

export interface SignIn {
  userId: string;
  pin: string;
  name: string;
  role: 'cashier' | 'supervisor' | 'technician';
}
/** The sandbox's demo accounts (README). */
export const DEMO = {
  cashier: { userId: '1001', pin: '1234', name: '王芳', role: 'cashier' },
  supervisor: { userId: '8001', pin: '8888', name: '李强', role: 'supervisor' },
  technician: { userId: '9001', pin: '9999', name: '赵师傅', role: 'technician' },
} as const satisfies Record<string, SignIn>;
/** A supervisor's approval (主管授权) to put on a call. */
export const APPROVAL = { userId: DEMO.supervisor.userId, pin: DEMO.supervisor.pin };
