import { join } from 'node:path';
import { createEventBus } from '../../electron/api/events';
import {
  createSandboxGatewayClient,
  startSandboxGateway,
  type PaymentGateway,
} from '../../electron/gateway';
import { createPaymentEngine } from '../../electron/payments/engine';
import { createSaleService } from '../../electron/services/sale';
import { openRepos, type RepoOptions } from '../../electron/store';
import type { Payment } from '../../shared/domain';
import catalogue from '../../resources/catalogue.json';
import { simClock } from './simClock';
import { tempDir } from './tmp';

/** Engine + real SQLite file + the sandbox gateway over real HTTP, on one simulated clock. */
export async function engineRig(
  wrap?: (g: PaymentGateway) => PaymentGateway,
  protocol: 'upay' | 'wechat' | 'alipay' = 'upay',
  store: RepoOptions = {},
) {
  const tmp = tempDir('till-engine-');
  const clock = simClock();
  const sandbox = await startSandboxGateway({ now: clock.now });
  const repos = openRepos(join(tmp.dir, 'till.db'), store);
  repos.products.importAll(catalogue);
  const events = createEventBus();
  const paidOrders: string[] = [];
  const overpaid: Payment[] = [];
  const gateway = wrap
    ? wrap(createSandboxGatewayClient(sandbox, protocol, { timeoutMs: 2_000 }))
    : createSandboxGatewayClient(sandbox, protocol, { timeoutMs: 2_000 });
  const engine = createPaymentEngine({
    repos,
    gateway,
    clock,
    events,
    actor: () => '1001',
    tillNo: '07',
    storeName: '测试店',
    onOrderPaid: (orderId) => paidOrders.push(orderId),
    onOverpaid: (p) => overpaid.push(p),
  });
  const sales = createSaleService({ repos, clock, events, actor: () => '1001' });
  const until = async (id: string, states: Payment['state'][]): Promise<Payment> => {
    for (let i = 0; i < 2000; i++) {
      const p = repos.payments.get(id);
      if (p && states.includes(p.state)) return p;
      await new Promise((r) => setTimeout(r, 2));
    }
    throw new Error(
      `payment ${id} never reached ${states.join('/')}: ${repos.payments.get(id)?.state}`,
    );
  };
  return {
    clock,
    sandbox,
    repos,
    events,
    engine,
    gateway,
    sales,
    paidOrders,
    overpaid,
    until,
    async close() {
      for (let i = 0; i < 500 && engine.busy() > 0; i++) await new Promise((r) => setTimeout(r, 5));
      await sandbox.close();
      repos.db.close();
      tmp.cleanup();
    },
  };
}
export const products = catalogue;
