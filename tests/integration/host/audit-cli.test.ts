import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepos } from '../../../electron/store';
import { tempDir } from '../../helpers/tmp';

/**
 * `npm run audit -- verify [dataDir]` as a child process over a real store, then the same store
 * changed behind the till's back in SQLite: an UPDATE, a DELETE (middle and end) and an INSERT.
 */
const run = promisify(execFile);
/** As `npm run audit -- verify DIR` runs it: the built host's audit subcommand. */
const verify = (dir: string) =>
  run(process.execPath, [resolve('dist/host/start.cjs'), 'audit', 'verify', dir], {
    timeout: 60_000,
  }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );

const tmp = tempDir('till-audit-');
const original = join(tmp.dir, 'original');
afterAll(() => tmp.cleanup());

beforeAll(() => {
  mkdirSync(original);
  let approver: string | null = null;
  const repos = openRepos(join(original, 'till.db'), {
    auditContext: () => ({ approver }),
  });
  for (let i = 1; i <= 8; i++) {
    approver = i === 5 ? '8001' : null;
    repos.audit.write({
      at: `2026-01-01T00:00:0${i}Z`,
      actor: '1001',
      action: i === 5 ? 'order.refund' : 'sale.setQty',
      subject: `O${i}`,
      before: { qty: i },
      after: { qty: i + 1 },
    });
  }
  repos.db.close();
});

/** A copy of the untouched store, changed with `sql` the way anyone with the file could. */
function tampered(name: string, sql: string): string {
  const dir = join(tmp.dir, name);
  mkdirSync(dir);
  copyFileSync(join(original, 'till.db'), join(dir, 'till.db'));
  const db = new Database(join(dir, 'till.db'));
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.exec(sql);
  db.close();
  return dir;
}

describe('npm run audit -- verify', () => {
  it('exits 0 on the untouched store and names its head', async () => {
    const r = await verify(original);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/audit chain intact: 8 rows, head #8 [0-9a-f]{16}/);
  });

  it('an UPDATE of one row: exit 1, that row changed', async () => {
    const r = await verify(tampered('update', `UPDATE audit_log SET approver = NULL WHERE id = 5`));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BROKEN at row #5 \(changed\)/);
  });

  it('an UPDATE that also recomputes the row hash is still caught by the next row', async () => {
    // The attacker rewrites row 3's actor and seals it again with the right algorithm.
    const dir = tampered('reseal', 'SELECT 1');
    const db = new Database(join(dir, 'till.db'));
    const { rowHash } = await import('../../../electron/store/auditChain');
    const row = db.prepare('SELECT * FROM audit_log WHERE id = 3').get() as Parameters<
      typeof rowHash
    >[1] & { prev_hash: string };
    const forged = { ...row, actor: '9999' };
    db.prepare('UPDATE audit_log SET actor = ?, hash = ? WHERE id = 3').run(
      forged.actor,
      rowHash(row.prev_hash, forged),
    );
    db.close();
    const r = await verify(dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BROKEN at row #3 \(changed\)/);
  });

  it('a DELETE in the middle: exit 1, that row deleted', async () => {
    const r = await verify(tampered('delete', 'DELETE FROM audit_log WHERE id = 4'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BROKEN at row #4 \(deleted\)/);
  });

  it('a DELETE of the last rows: exit 1, named from the first one gone', async () => {
    const r = await verify(tampered('truncate', 'DELETE FROM audit_log WHERE id >= 7'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BROKEN at row #7 \(deleted\).*#7–#8/);
  });

  it('an INSERT: exit 1, that row inserted', async () => {
    const r = await verify(
      tampered(
        'insert',
        `INSERT INTO audit_log (at, actor, action, subject) VALUES ('2026-01-01T00:00:09Z', '1001', 'order.refund', 'O9')`,
      ),
    );
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BROKEN at row #9 \(inserted\)/);
  });

  it('no store at all is an error (exit 2), not a pass', async () => {
    const r = await verify(join(tmp.dir, 'nowhere'));
    expect(r.code).toBe(2);
  });
});
