import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSandboxCode, startSandboxGateway, type SandboxGateway } from '../../electron/gateway';
import catalogue from '../../resources/catalogue.json';
import { kioskClient } from '../helpers/kioskClient';
import { seedCatalogue } from '../helpers/seedCatalogue';
import { kill9, spawnTill, type TillProcess } from '../helpers/spawnTill';
import { tempDir } from '../helpers/tmp';

/**
 * The till as a child process, killed with SIGKILL at random instants while it takes payments
 * from the sandbox (outside the till, so its ledger survives every kill). After the last restart
 * the reconciler must leave the store and the ledger telling the same story.
 */
const SCALE = 20; // acquirer time runs 20× faster on both sides: a 45 s window lasts 2.25 s
const PAYMENTS = Number(process.env.CRASH_PAYMENTS ?? 200);
const KILLS = Number(process.env.CRASH_KILLS ?? 50);
const MIX: [string, number][] = [
  ['0001', 35],
  ['1010', 12],
  ['1002', 10],
  ['3333', 10],
  ['9999', 8],
  ['7777', 7],
  ['4444', 6],
  ['8888', 6],
  ['2222', 6],
];

const tmp = tempDir('till-crash-');
afterAll(() => (process.env.KEEP_TMP ? console.log(`kept ${tmp.dir}`) : tmp.cleanup()));

/** What blocks the till: unfinished payments with their transition logs. */
function stuck(dir: string): string {
  const db = new Database(join(dir, 'till.db'), { readonly: true });
  const rows = db
    .prepare(
      `SELECT p.merchant_order_no, p.state, p.reason_code, group_concat(t.to_state, '>') AS path
       FROM payments p JOIN payment_transitions t ON t.payment_id = p.id
       WHERE p.order_id IN (SELECT id FROM orders WHERE status = 'PAYING') GROUP BY p.id`,
    )
    .all();
  db.close();
  return JSON.stringify(rows, null, 1);
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('crash: SIGKILL at random instants loses no payment and charges no one twice', () => {
  it(`${PAYMENTS} payments, ${KILLS}+ kills, then the store matches the ledger`, async () => {
    const random = rng(Number(process.env.CRASH_SEED ?? 20261125));
    const t0 = Date.now();
    const sandbox: SandboxGateway = await startSandboxGateway({
      now: () => t0 + (Date.now() - t0) * SCALE,
    });
    sandbox.setFaults({ rateLimit: { minGapMs: Math.floor(3000 / SCALE) - 10 } });
    writeFileSync(
      join(tmp.dir, 'settings.json'),
      JSON.stringify({
        gateway: {
          url: sandbox.url,
          terminalSn: sandbox.terminalSn,
          terminalKey: sandbox.terminalKey,
        },
      }),
    );
    seedCatalogue(tmp.dir); // a live till sells the shop's catalogue
    const env = {
      TILL_DATA_DIR: tmp.dir,
      TILL_PRINTER: 'none',
      TILL_GATEWAY: sandbox.url,
      TILL_TIME_SCALE: String(SCALE),
      TILL_RECONCILE_MS: '300',
    };
    const pick = () => {
      let r = random() * 100;
      for (const [suffix, w] of MIX) if ((r -= w) < 0) return suffix;
      return '0001';
    };

    let started = 0;
    let kills = 0;
    let n = 0;
    let idle = 0;
    while (started < PAYMENTS || kills < KILLS) {
      const before = started;
      const till: TillProcess = await spawnTill(env);
      const api = kioskClient(till.port, till.token);
      const life = 150 + random() * 1800;
      const killer = sleep(life).then(() => kill9(till));
      const drive = (async () => {
        while (till.child.exitCode === null && till.child.signalCode === null) {
          const sale = (await api.call('sale.current', {})).json.value as unknown as {
            status: string;
            lines: unknown[];
          };
          if (sale.status !== 'OPEN') {
            await sleep(40); // a payment resumed after the restart is still running
            continue;
          }
          if (sale.lines.length === 0) {
            for (let i = 0; i < 1 + Math.floor(random() * 3); i++) {
              await api.call('sale.scan', {
                barcode: catalogue[Math.floor(random() * catalogue.length)]!.barcode,
              });
            }
          }
          const channel = random() < 0.5 ? 'WECHAT' : 'ALIPAY';
          const r = await api.call('pay.start', {
            kind: 'wallet',
            authCode: makeSandboxCode(channel, pick(), ++n),
          });
          if (r.json.ok) started++;
          await sleep(random() * 400);
        }
      })().catch(() => undefined); // requests fail once the till is killed
      await Promise.all([killer, drive]);
      kills++;
      idle = started === before ? idle + 1 : 0;
      if (idle >= 15) throw new Error(`no payment could start for 15 restarts:\n${stuck(tmp.dir)}`);
    }

    // Last start: the reconciler resolves everything the kills left behind.
    const last = await spawnTill(env);
    const db = new Database(join(tmp.dir, 'till.db'), { readonly: true });
    const unresolved = () =>
      db
        .prepare("SELECT COUNT(*) FROM payments WHERE state NOT IN ('PAID','FAILED','REVERSED')")
        .pluck()
        .get() as number;
    for (let i = 0; i < 300 && unresolved() > 0; i++) await sleep(100);
    await sleep(500);
    await kill9(last);

    const payments = db
      .prepare(
        "SELECT order_id, merchant_order_no, state, amount_fen FROM payments WHERE method != 'CASH'",
      )
      .all() as {
      order_id: string;
      merchant_order_no: string;
      state: string;
      amount_fen: number;
    }[];
    const orders = new Map(
      (
        db.prepare('SELECT id, status, total_fen FROM orders').all() as {
          id: string;
          status: string;
          total_fen: number;
        }[]
      ).map((o) => [o.id, o]),
    );
    const ledger = new Map(sandbox.ledger().map((e) => [e.clientSn, e]));
    const stats = sandbox.stats();
    await sandbox.close();

    const local = new Map(payments.map((p) => [p.merchant_order_no, p]));
    const chargedWithoutPaid = [...ledger.values()].filter(
      (e) => e.state === 'charged' && local.get(e.clientSn)?.state !== 'PAID',
    );
    const paidWithoutCharge = payments.filter(
      (p) => p.state === 'PAID' && ledger.get(p.merchant_order_no)?.state !== 'charged',
    );
    const chargedTwice = [...orders.values()].filter(
      (o) =>
        payments.filter(
          (p) => p.order_id === o.id && ledger.get(p.merchant_order_no)?.state === 'charged',
        ).length > 1,
    );
    const paidOrdersWrong = [...orders.values()].filter(
      (o) =>
        o.status === 'PAID' && !payments.some((p) => p.order_id === o.id && p.state === 'PAID'),
    );

    console.log(
      `crash test: ${started} payments started, ${kills} SIGKILLs, ${ledger.size} orders at the gateway, ` +
        `${[...ledger.values()].filter((e) => e.state === 'charged').length} charged, ` +
        `${payments.filter((p) => p.state === 'PAID').length} PAID locally, unresolved ${unresolved()}; gateway calls ${JSON.stringify(stats.calls)}, ` +
        `rate-limit refusals ${stats.rateLimitViolations} (queries closer than the acquirer allows, e.g. right after a restart)`,
    );
    expect(started).toBeGreaterThanOrEqual(PAYMENTS);
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(unresolved()).toBe(0);
    expect(chargedWithoutPaid.map((e) => e.clientSn)).toEqual([]);
    expect(paidWithoutCharge.map((p) => p.merchant_order_no)).toEqual([]);
    expect(chargedTwice.map((o) => o.id)).toEqual([]);
    expect(paidOrdersWrong.map((o) => o.id)).toEqual([]);
    db.close();
  }, 600_000);
});
