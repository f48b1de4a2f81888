import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AlreadyRunning, acquireLock } from '../../../electron/host/lock';
import catalogue from '../../../resources/catalogue.json';
import { kioskClient } from '../../helpers/kioskClient';
import { kill9, runTillToExit, spawnTill } from '../../helpers/spawnTill';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir('till-one-');
afterAll(() => tmp.cleanup());

/** Every file and folder under dir with its permission bits. */
function modes(dir: string): [string, number][] {
  const out: [string, number][] = [[dir, statSync(dir).mode & 0o777]];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...modes(p));
    else out.push([p, statSync(p).mode & 0o777]);
  }
  return out;
}

describe('one till per store', () => {
  it('a second host on the same folder says where the first one runs, and exits', async () => {
    const dir = join(tmp.dir, 'a');
    const env = { TILL_DATA_DIR: dir, TILL_PRINTER: 'none' };
    const first = await spawnTill(env);
    try {
      const second = await runTillToExit(env);
      expect(second.code).toBe(2);
      expect(second.out).toContain('收银台已在运行');
      expect(second.out).toContain(`pid ${first.child.pid}`);
      expect(second.out).toContain(`port ${first.port}`);
      expect(second.out).not.toContain('TILL_READY');
      // The first till is untouched and still sells.
      const api = kioskClient(first.port, first.token);
      expect((await api.call('sale.scan', { barcode: catalogue[3]!.barcode })).json.ok).toBe(true);
    } finally {
      await kill9(first);
    }
    // A lock left by a killed till is taken over at the next start.
    const again = await spawnTill(env);
    expect(again.port).toBeGreaterThan(0);
    await kill9(again);
  });

  it('two hosts in one process cannot share a folder either', () => {
    const dir = join(tmp.dir, 'b');

    mkdirSync(dir);
    const lock = acquireLock(dir);
    expect(() => acquireLock(dir)).toThrow(AlreadyRunning);
    lock.release();
    acquireLock(dir).release();
  });
});

describe('the data folder is the till user’s alone', () => {
  it('folders 0700 and every file 0600 after a sale, a receipt and a restart', async () => {
    const dir = join(tmp.dir, 'perm');
    const env = { TILL_DATA_DIR: dir, TILL_PRINTER: 'none' };
    const till = await spawnTill(env);
    const api = kioskClient(till.port, till.token);
    await api.call('sale.scan', { barcode: catalogue[5]!.barcode });
    expect((await api.call('pay.start', { kind: 'cash', receivedFen: 100_000 })).json.ok).toBe(
      true,
    );
    await api.call('printer.configure', { uri: 'none', profile: '58mm' });
    await new Promise((r) => setTimeout(r, 300));
    await kill9(till);
    // As an older version left them: the restart tightens them again.
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'settings.json'), 0o644);
    chmodSync(join(dir, 'till.db'), 0o644);
    chmodSync(join(dir, 'logs', 'till.log'), 0o644);
    await kill9(await spawnTill(env));
    const found = modes(dir);
    const names = found.map(([p]) => p.slice(dir.length));
    for (const want of [
      '/till.db',
      '/print.txt',
      '/settings.json',
      '/kiosk-token',
      '/logs/till.log',
    ])
      expect(names).toContain(want);
    expect(names.some((n) => n.startsWith('/receipts/'))).toBe(true);
    expect(names.some((n) => n.startsWith('/backups/till-'))).toBe(true);
    for (const [path, mode] of found) {
      const isDir = statSync(path).isDirectory();
      expect([path, mode]).toEqual([path, isDir ? 0o700 : 0o600]);
    }
  });
});
