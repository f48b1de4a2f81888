import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxGateway, type SandboxGateway } from '../../../electron/gateway';
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

    const [ra, rc] = await Promise.all([
      a.api.call('order.refund', { orderId, requestId: 'wallet-a' }),
      c.api.call('order.refund', { orderId, requestId: 'wallet-c' }),
    ]);
    const winner = ra.json.ok
      ? { till: a, id: 'wallet-a', r: ra }
      : { till: c, id: 'wallet-c', r: rc };
    const loser = ra.json.ok ? rc : ra;
    expect(winner.r.json.value).toMatchObject({
      orderId,
      refunds: [{ state: 'REFUNDED', amountFen: 400 }],
    });
    expect(loser.json.error?.code).toBe('ALREADY_REFUNDED');
    const again = await winner.till.api.call('order.refund', { orderId, requestId: winner.id });
    expect(again.json.ok).toBe(true);

    const entry = sandbox.ledger().find((e) => e.amountFen === 400);
    expect(entry).toMatchObject({ state: 'refunded', refundedFen: 400 });
    const claim = await store.admin.query(
      'SELECT claimed_by, state FROM refund_claims WHERE order_id = $1',
      [orderId],
    );
    expect(claim.rows).toEqual([{ claimed_by: winner.till.tillNo, state: 'REFUNDED' }]);
  });
});
