import { join } from 'node:path';
import { openRepos } from '../electron/store';
import catalogue from '../resources/catalogue.json';

/**
 * Fills a store with `count` paid orders as a busy till would have after a year or two: each with
 * 3 lines, a PAID wallet payment with its transition log, a receipt and a printed job.
 */
export function seedStore(dataDir: string, count: number): void {
  const repos = openRepos(join(dataDir, 'till.db'));
  const { db } = repos;
  repos.products.importAll(catalogue);
  const order = db.prepare(
    `INSERT INTO orders (id, status, cashier, total_fen, created_at, updated_at, paid_at) VALUES (?, 'PAID', '王芳', ?, ?, ?, ?)`,
  );
  const line = db.prepare(
    'INSERT INTO order_lines (order_id, line_no, barcode, name, qty, unit_price_fen) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const pay = db.prepare(
    `INSERT INTO payments (id, order_id, method, merchant_order_no, platform_order_no, third_party_order_no, amount_fen,
      state, created_at, updated_at) VALUES (?, ?, 'WECHAT', ?, ?, ?, ?, 'PAID', ?, ?)`,
  );
  const log = db.prepare(
    'INSERT INTO payment_transitions (payment_id, from_state, to_state, at) VALUES (?, ?, ?, ?)',
  );
  const receipt = db.prepare(
    'INSERT INTO receipts (order_id, text, txt_path, created_at) VALUES (?, ?, ?, ?)',
  );
  // Jobs start QUEUED and move as the store's trigger allows (QUEUED → SENDING → PRINTED).
  const job = db.prepare(
    `INSERT INTO print_jobs (id, order_id, kind, printer, state, bytes, lease_owner, lease_until,
       queued_at, created_at, updated_at)
     VALUES (?, ?, 'receipt', 'tcp://127.0.0.1:9100', 'QUEUED', ?, 'seed', ?, ?, ?, ?)`,
  );
  const sent = db.prepare("UPDATE print_jobs SET state = 'SENDING', attempts = 1 WHERE id = ?");
  const printed = db.prepare(
    "UPDATE print_jobs SET state = 'PRINTED', lease_owner = NULL, lease_until = NULL WHERE id = ?",
  );
  const bytes = Buffer.alloc(1800, 0x41);
  const text = '好邻居便利店\n'.repeat(30);
  const start = Date.parse('2025-01-01T00:00:00Z');
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const at = new Date(start + i * 60_000).toISOString();
      const id = `O${String(i).padStart(12, '0')}`;
      const goods = [1, 2, 3].map((l) => catalogue[(i * 3 + l) % catalogue.length]!);
      const total = goods.reduce((sum, p) => sum + p.priceFen, 0);
      order.run(id, total, at, at, at);
      goods.forEach((p, l) => line.run(id, l + 1, p.barcode, p.name, 1, p.priceFen));
      const pid = `pay_${i}`;
      pay.run(pid, id, `M${String(i).padStart(20, '0')}`, `S${i}`, `4200${i}`, total, at, at);
      for (const [from, to] of [
        [null, 'NEW'],
        ['NEW', 'SUBMITTING'],
        ['SUBMITTING', 'PAID'],
      ] as const)
        log.run(pid, from, to, at);
      receipt.run(id, text, `/receipts/${id}.txt`, at);
      job.run(`job_${i}`, id, bytes, at, at, at, at);
      sent.run(`job_${i}`);
      printed.run(`job_${i}`);
    }
  })();
  db.close();
}
