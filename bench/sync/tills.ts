import { join } from 'node:path';
import type { Socket } from 'node:net';
import pg from 'pg';
import { openRepos, type Repos } from '../../electron/store';
import { createOutbox } from '../../electron/sync/outbox';
import catalogue from '../../resources/catalogue.json';

export interface BenchTill {
  tillId: string;
  repos: Repos;
  clients: pg.Client[];
  written: number;
}

/** A till's store with its outbox on, as `npm start` leaves it once sync is configured. */
export function openTill(dir: string, tillId: string): BenchTill {
  const repos = openRepos(join(dir, `till-${tillId}.db`));
  repos.products.importAll(catalogue);
  createOutbox(repos.db).enable();
  return { tillId, repos, clients: [], written: 0 };
}

/**
 * Writes `n` paid orders the way a sale leaves them: the order, three lines, a WeChat payment
 * with its three transitions, the receipt text, the printed job and an audit row — eleven
 * outbox entries per order, captured by the triggers.
 */
export function writeOrders(t: BenchTill, n: number, perTransaction = 200): void {
  const { db } = t.repos;
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
  // As the print queue writes a job (electron/store/printJobs.ts): QUEUED with its lease, sent,
  // then PRINTED with the lease let go (the store refuses a job that starts anywhere else).
  const job = db.prepare(
    `INSERT INTO print_jobs (id, order_id, kind, printer, state, bytes, lease_owner, lease_until,
       queued_at, created_at, updated_at)
     VALUES (?, ?, 'receipt', 'tcp://127.0.0.1:9100', 'QUEUED', ?, 'bench', ?, ?, ?, ?)`,
  );
  const move = db.prepare(
    `UPDATE print_jobs SET state = ?, lease_owner = ?, lease_until = ?, updated_at = ? WHERE id = ?`,
  );
  const audit = db.prepare(
    "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, '王芳', 'order.paid', ?, ?)",
  );
  const bytes = Buffer.alloc(1800, 0x41);
  const text = '好邻居便利店（示范店）  收银小票\n'.repeat(24);
  const one = (i: number) => {
    const at = new Date().toISOString();
    const id = `O${t.tillId}${String(i).padStart(10, '0')}`;
    const goods = [1, 2, 3].map((l) => catalogue[(i * 3 + l) % catalogue.length]!);
    const total = goods.reduce((sum, p) => sum + p.priceFen, 0);
    order.run(id, total, at, at, at);
    goods.forEach((p, l) => line.run(id, l + 1, p.barcode, p.name, 1, p.priceFen));
    const pid = `pay_${t.tillId}_${i}`;
    pay.run(
      pid,
      id,
      `2026${t.tillId}${String(i).padStart(14, '0')}`,
      `S${i}`,
      `4200${i}`,
      total,
      at,
      at,
    );
    for (const [from, to] of [
      [null, 'NEW'],
      ['NEW', 'SUBMITTING'],
      ['SUBMITTING', 'PAID'],
    ] as const)
      log.run(pid, from, to, at);
    receipt.run(id, text, `/receipts/${id}.txt`, at);
    const jobId = `job_${t.tillId}_${i}`;
    job.run(jobId, id, bytes, at, at, at, at);
    move.run('SENDING', 'bench', at, at, jobId);
    move.run('PRINTED', null, null, at, jobId);
    audit.run(at, id, JSON.stringify({ totalFen: total }));
  };
  const chunk = db.transaction((from: number, count: number) => {
    for (let i = from; i < from + count; i++) one(i);
  });
  for (let done = 0; done < n; done += perTransaction) {
    chunk(t.written + done, Math.min(perTransaction, n - done));
  }
  t.written += n;
}

/** Bytes this till's connections sent and received, read off their sockets. */
export function socketBytes(t: BenchTill): number {
  return t.clients.reduce((sum, c) => {
    const s = (c as unknown as { connection: { stream: Socket } }).connection.stream;
    return sum + s.bytesWritten + s.bytesRead;
  }, 0);
}
