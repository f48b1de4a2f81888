import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { processAlive } from '../../../electron/receipts/printWatch';
import { job, printRig, type PrintRig } from './rig';

let rig: PrintRig;
afterEach(async () => rig.close());

/** The pid of a process that has exited: a till that crashed. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid ?? 999_999;

/** A job as a till that then died left it: leased to that till, in `state`. */
function leftBy(
  r: PrintRig,
  id: string,
  owner: string,
  state: 'QUEUED' | 'SENDING' | 'WAITING',
  until: string,
) {
  const at = new Date().toISOString();
  r.repos.printJobs.insert({
    id,
    orderId: null,
    kind: 'receipt',
    printer: r.printer.uri,
    bytes: job(id),
    at,
    owner,
    leaseUntil: until,
  });
  if (state !== 'QUEUED')
    r.repos.printJobs.move(id, 'QUEUED', state, owner, { at, owner, leaseUntil: until });
}

const future = () => new Date(Date.now() + 60_000).toISOString();

describe('one owner per job: the lease', () => {
  it('a process that died: its SENDING job is INTERRUPTED (may have printed), its QUEUED one is adopted and printed', async () => {
    rig = await printRig();
    const dead = `till:${hostname()}:${deadPid()}:dead0001`;
    expect(processAlive(dead)).toBe(false);
    leftBy(rig, 'job_sending', dead, 'SENDING', future());
    leftBy(rig, 'job_queued', dead, 'QUEUED', future());
    leftBy(rig, 'job_waiting', dead, 'WAITING', future());
    expect(rig.watch.once()).toEqual({ interrupted: 1, adopted: 2 });
    expect(rig.repos.printJobs.get('job_sending')).toMatchObject({
      state: 'INTERRUPTED',
      reasonCode: 'INTERRUPTED',
    });
    expect(rig.repos.printJobs.leased('job_sending')?.leaseOwner).toBeNull();
    await expect.poll(() => rig.repos.printJobs.get('job_waiting')?.state).toBe('PRINTED');
    await expect.poll(() => rig.repos.printJobs.get('job_queued')?.state).toBe('PRINTED');
    expect(rig.printer.jobs.map((j) => j.text.trim()).sort()).toEqual([
      'job_queued',
      'job_waiting',
    ]);
    // Nothing is left for a second pass.
    expect(rig.watch.once()).toEqual({ interrupted: 0, adopted: 0 });
  });

  it('the watch never touches jobs of a live owner until its lease expires', async () => {
    rig = await printRig();
    const live = `till:${hostname()}:${process.pid}:other001`; // another queue, this very process
    leftBy(rig, 'job_live', live, 'SENDING', future());
    expect(rig.watch.once()).toEqual({ interrupted: 0, adopted: 0 });
    expect(rig.repos.printJobs.get('job_live')?.state).toBe('SENDING');
    // Its owner stopped renewing (hung, or gone on another host): after expiry it is dead.
    rig.repos.db
      .prepare("UPDATE print_jobs SET lease_until = '2000-01-01T00:00:00.000Z' WHERE id = ?")
      .run('job_live');
    expect(rig.watch.once()).toEqual({ interrupted: 1, adopted: 0 });
  });

  it("this queue's own jobs are never the watch's, whatever their state", async () => {
    rig = await printRig({ jobMs: 800 });
    const { job: queued } = rig.queue.enqueue(null, 'receipt', job('自己的'));
    for (let i = 0; i < 10; i++) {
      expect(rig.watch.once()).toEqual({ interrupted: 0, adopted: 0 });
      await new Promise((r) => setTimeout(r, 60));
    }
    await expect.poll(() => rig.repos.printJobs.get(queued.jobId)?.state).toBe('PRINTED');
  });

  it('leases are renewed while the till runs', async () => {
    rig = await printRig({ queue: { leaseMs: 300 } });
    rig.printer.setFault('offline');
    const w = await rig.queue.enqueue(null, 'receipt', job('续租')).done;
    const first = rig.repos.printJobs.leased(w.jobId)?.leaseUntil ?? '';
    await new Promise((r) => setTimeout(r, 500));
    const later = rig.repos.printJobs.leased(w.jobId)?.leaseUntil ?? '';
    expect(later > first).toBe(true);
    expect(later > new Date().toISOString()).toBe(true);
  });

  it('a move by a stale caller is refused: a PRINTED job is never overwritten', async () => {
    rig = await printRig();
    const done = await rig.queue.enqueue(null, 'receipt', job('已打印不能改')).done;
    expect(done.state).toBe('PRINTED');
    const at = new Date().toISOString();
    expect(() =>
      rig.repos.printJobs.move(done.jobId, 'PRINTED', 'FAILED', null, { at, owner: 'x' }),
    ).toThrow(/not allowed/);
    expect(
      rig.repos.printJobs.move(done.jobId, 'SENDING', 'FAILED', rig.queue.owner, {
        at,
        owner: rig.queue.owner,
      }),
    ).toBeNull();
    expect(rig.repos.printJobs.get(done.jobId)?.state).toBe('PRINTED');
  });
});
