import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxGateway, type SandboxGateway } from '../../../electron/gateway';
import { APPROVAL } from '../../helpers/kioskClient';
import { startPgCluster, type PgCluster } from '../../helpers/pgCluster';
import { createStoreDb, type StoreDb } from '../../helpers/storeDb';
import {
  removeTill,
  startSyncedTill,
  stopTill,
  storeOrders,
  waitFor,
  type RigTill,
} from '../../helpers/syncRig';

/**
 * Three tills of one merchant account (one acquirer, as a real store has): a WeChat sale at
 * till 02, then tills 01 and 03 refund it at the same instant. The acquirer's own ledger is
 * the judge: the customer gets the money back once.
 */
let sandbox: SandboxGateway;
let cluster: PgCluster;
let store: StoreDb;
const tills: RigTill[] = [];

/** The refund slips (退款单) a till's print queue holds, read from its own SQLite file. */
function slipJobs(t: RigTill): { id: string; state: string }[] {
  const db = new Database(join(t.dataDir, 'till.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare("SELECT id, state FROM print_jobs WHERE kind = 'refund-slip' ORDER BY created_at")
      .all() as { id: string; state: string }[];
  } finally {
    db.close();
  }
}
/** What the till's virtual printer printed (one decoded file a job) that names `text`. */
function paperWith(t: RigTill, text: string): string[] {
  const folder = join(t.dataDir, 'virtual-printer');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((f) => readFileSync(join(folder, f), 'utf8'))
    .filter((p) => p.includes(text));
}

beforeAll(async () => {
  sandbox = await startSandboxGateway();
  cluster = await startPgCluster();
  store = await createStoreDb(cluster);
  const gateway = {
    url: sandbox.url,
    terminalSn: sandbox.terminalSn,
    terminalKey: sandbox.terminalKey,
  };
  for (const no of ['01', '02', '03'])
    tills.push(
      await startSyncedTill(no, await store.till(no), {
        settings: { gateway },
        env: { TILL_GATEWAY: sandbox.url },
      }),
    );
});
afterAll(async () => {
  for (const t of tills) {
    await stopTill(t);
    removeTill(t);
  }
  await store?.close();
  await cluster?.destroy();
  await sandbox?.close();
});

describe("refunding another till's wallet payment", () => {
  it('two tills at once: one refund at the acquirer, the other refused; a retry moves nothing more', async () => {
    const [a, b, c] = tills as [RigTill, RigTill, RigTill];
    const scan = await b.api.call('sale.scan', { barcode: '6921000100009', qty: 2 });
    const orderId = (scan.json.value as unknown as { orderId: string }).orderId;
    const start = await b.api.call('pay.start', { kind: 'wallet', authCode: '134567890123450001' });
    const paymentId = (start.json.value as unknown as { paymentId: string }).paymentId;
    await waitFor('paid', async () => {
      const s = await b.api.call('pay.status', { paymentId });
      return (s.json.value as unknown as { state: string }).state === 'PAID';
    });
    await waitFor('order in the store database', async () =>
      (await storeOrders(store.admin, '02')).some((o) => o.id === orderId),
    );

    // Each till's cashier asks, with a supervisor's approval on the call (a refund needs one).
    const [ra, rc] = await Promise.all([
      a.api.call('order.refund', {
        orderId,
        requestId: 'wallet-a',
        reason: '顾客退货',
        approval: APPROVAL,
      }),
      c.api.call('order.refund', {
        orderId,
        requestId: 'wallet-c',
        reason: '顾客退货',
        approval: APPROVAL,
      }),
    ]);
    const winner = ra.json.ok
      ? { till: a, id: 'wallet-a', r: ra }
      : { till: c, id: 'wallet-c', r: rc };
    const loser = ra.json.ok ? rc : ra;
    // The answer says what goes back where and what is left, as for a refund of its own.
    const answer = {
      orderId,
      refunds: [{ state: 'REFUNDED', amountFen: 400 }],
      cashBackFen: 0,
      walletBack: [{ method: 'WECHAT', amountFen: 400, state: 'REFUNDED' }],
      summary: { state: 'FULL', refundedFen: 400, pendingFen: 0, refundableFen: 0 },
    };
    expect(winner.r.json.value).toMatchObject({ ...answer, slipJob: { kind: 'refund-slip' } });
    expect(loser.json.error?.code).toBe('ALREADY_REFUNDED');
    const loserTill = winner.till === a ? c : a;
    expect(slipJobs(loserTill)).toEqual([]);
    // The slip prints at the till that refunded, with who did it and who approved it.
    const slip = await waitFor('the refund slip printed', async () => {
      const jobs = slipJobs(winner.till);
      return jobs[0]?.state === 'PRINTED' ? paperWith(winner.till, '退款单') : null;
    });
    expect(slip).toHaveLength(1);
    expect(slip[0]).toContain(orderId);
    expect(slip[0]).toContain('主管授权');
    expect(slip[0]).toContain('原因：顾客退货');
    expect(slip[0]).toMatch(/原路退回微信\S*\s+[¥￥]4\.00/);

    // The same request again (a retry after a lost answer): the same outcome, no second slip.
    const again = await winner.till.api.call('order.refund', {
      orderId,
      requestId: winner.id,
      reason: '顾客退货',
      approval: APPROVAL,
    });
    expect(again.json.value).toMatchObject({ ...answer, slipJob: null });
    expect(slipJobs(winner.till)).toHaveLength(1);
    expect(paperWith(winner.till, '退款单')).toHaveLength(1);

    const entry = sandbox.ledger().find((e) => e.amountFen === 400);
    expect(entry).toMatchObject({ state: 'refunded', refundedFen: 400 });
    const claim = await store.admin.query(
      'SELECT claimed_by, state FROM refund_claims WHERE order_id = $1',
      [orderId],
    );
    expect(claim.rows).toEqual([{ claimed_by: winner.till.tillNo, state: 'REFUNDED' }]);
  });
});
