import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../electron/host/config';
import { runKiosk } from '../../electron/host/kiosk';
import {
  makeSandboxCode,
  startSandboxGateway,
  type SandboxGateway,
  type SandboxProtocolName,
} from '../../electron/gateway';
import type { Payment } from '../../shared/domain';
import catalogue from '../../resources/catalogue.json';
import { DEMO, kioskClient, type SignIn } from './kioskClient';
import { seedCatalogue } from './seedCatalogue';
import { tempDir } from './tmp';

export interface TillRigOptions {
  protocol?: SandboxProtocolName;
  /** Acquirer time runs this much faster on both sides (TILL_TIME_SCALE). */
  scale?: number;
  printer?: string;
  reconcileMs?: number;
  settings?: object;
  /** Who is signed in (a shift opened for them): the cashier 1001 by default. */
  signIn?: SignIn;
}

/**
 * The real host in kiosk mode (in this process) against an independent sandbox started by the
 * test, configured as a LIVE acquirer of the chosen protocol: the test scripts the network
 * (faults), reads what each customer was charged (ledger) and what their phone shows (voucher).
 */
export async function tillRig(o: TillRigOptions = {}) {
  const protocol = o.protocol ?? 'upay';
  const scale = o.scale ?? 1;
  const tmp = tempDir('till-rig-');
  const t0 = Date.now();
  const sandbox: SandboxGateway = await startSandboxGateway(
    scale === 1 ? {} : { now: () => t0 + (Date.now() - t0) * scale },
  );
  const gateway =
    protocol === 'upay'
      ? {
          protocol,
          url: sandbox.url,
          terminalSn: sandbox.terminalSn,
          terminalKey: sandbox.terminalKey,
        }
      : protocol === 'wechat'
        ? { protocol, url: sandbox.url, ...sandbox.wechat }
        : (() => {
            const a = sandbox.alipay;
            writeFileSync(join(tmp.dir, 'app.pem'), a.appPrivateKeyPem);
            writeFileSync(join(tmp.dir, 'alipay.pem'), a.alipayPublicKeyPem);
            return {
              protocol,
              url: sandbox.url,
              appId: a.appId,
              privateKeyPath: join(tmp.dir, 'app.pem'),
              alipayPublicKeyPath: join(tmp.dir, 'alipay.pem'),
            };
          })();
  writeFileSync(join(tmp.dir, 'settings.json'), JSON.stringify({ gateway, ...o.settings }));
  // A live till has no catalogue of its own (issue 11): the shop's goes in before the first start.
  seedCatalogue(tmp.dir);
  const saved = { ...process.env };
  process.env.TILL_TIME_SCALE = String(scale);
  process.env.TILL_RECONCILE_MS = String(o.reconcileMs ?? 600_000);
  const kiosk = await runKiosk(
    loadConfig({
      TILL_DATA_DIR: tmp.dir,
      TILL_PORT: '0',
      TILL_PRINTER: o.printer ?? 'none',
      TILL_GATEWAY: sandbox.url,
      // A loopback test printer listens on a free port: allowed, as an installer would.
      ...(o.printer?.startsWith('tcp://') && {
        TILL_PRINTER_PORTS: o.printer.split(':').at(-1) ?? '',
      }),
    }),
    { appRoot: resolve('.'), version: 'test' },
  );
  process.env = saved;
  const api = kioskClient(kiosk.port, kiosk.token);
  // A live acquirer: the first supervisor is created, then the cashier signs in (kioskClient).
  await api.signIn(o.signIn ?? DEMO.cashier);
  const channel = protocol === 'alipay' ? 'ALIPAY' : 'WECHAT';
  let seq = Math.floor(Math.random() * 1e8);

  const call = async <T>(name: string, body: unknown): Promise<T> => {
    const r = await api.call(name, body);
    if (!r.json.ok) throw new Error(`${name}: ${JSON.stringify(r.json.error)}`);
    return r.json.value as T;
  };
  const until = async (paymentId: string, states: Payment['state'][], ms = 30_000) => {
    const end = Date.now() + ms;
    for (;;) {
      const p = await call<Payment>('pay.status', { paymentId });
      if (states.includes(p.state)) return p;
      if (Date.now() > end) throw new Error(`payment ${paymentId} stuck in ${p.state}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return {
    sandbox,
    host: kiosk.host,
    api,
    /** Another staff member signs in at the same till. */
    signIn: (who: SignIn) => api.signIn(who),
    call,
    until,
    dataDir: tmp.dir,
    /** A fresh payment code for a sandbox scenario (its last four digits). */
    code: (suffix: string) => makeSandboxCode(channel, suffix, ++seq),
    /** Scans an item and starts a wallet payment with a code of that scenario. */
    async pay(suffix: string, item = 3): Promise<{ payment: Payment; code: string }> {
      await call('sale.scan', { barcode: catalogue[item]!.barcode });
      const code = makeSandboxCode(channel, suffix, ++seq);
      const payment = await call<Payment>('pay.start', { kind: 'wallet', authCode: code });
      return { payment, code };
    },
    async close() {
      await kiosk.close();
      await sandbox.close();
      tmp.cleanup();
    },
  };
}
export type TillRig = Awaited<ReturnType<typeof tillRig>>;
