import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../../../electron/api/events';
import { createSession } from '../../../electron/auth/session';
import { createStaff, LOCK_MS } from '../../../electron/auth/staff';
import { openRepos } from '../../../electron/store';
import { simClock } from '../../helpers/simClock';
import { tempDir } from '../../helpers/tmp';

/** Staff accounts over a real SQLite file and real scrypt, on a simulated clock. */
function rig(sandbox = true) {
  const tmp = tempDir('till-staff-');
  const repos = openRepos(join(tmp.dir, 'till.db'));
  const clock = simClock();
  let mode = sandbox;
  const staff = createStaff({ repos, clock, sandbox: () => mode, actor: () => '8001' });
  const events = createEventBus();
  const session = createSession({ staff, repos, clock, events, sandbox: () => mode });
  const audit = () =>
    repos.db.prepare('SELECT actor, action, subject, detail FROM audit_log ORDER BY id').all() as {
      actor: string;
      action: string;
      subject: string;
      detail: string | null;
    }[];
  return {
    repos,
    clock,
    staff,
    session,
    audit,
    live: () => (mode = false),
    close: () => {
      repos.db.close();
      tmp.cleanup();
    },
  };
}
let r: ReturnType<typeof rig>;
afterEach(() => r.close());

describe('users, PINs and sign-in', () => {
  it('a fresh sandbox store gets the three demo users, hashed with scrypt and a salt each', async () => {
    r = rig();
    expect(await r.staff.ensureDemoUsers()).toBe(true);
    expect(await r.staff.ensureDemoUsers()).toBe(false); // only on a fresh store
    expect(r.staff.list().map((u) => [u.userId, u.role, u.demo])).toEqual([
      ['1001', 'cashier', true],
      ['8001', 'supervisor', true],
      ['9001', 'technician', true],
    ]);
    await r.staff.add({ userId: '1002', name: '张三', role: 'cashier', pin: '1234' });
    const hashes = r.repos.db
      .prepare("SELECT pin_hash FROM users WHERE id IN ('1001','1002')")
      .pluck()
      .all() as string[];
    // Same PIN, different salts: different hashes; neither holds the PIN.
    expect(hashes[0]).not.toBe(hashes[1]);
    for (const h of hashes) {
      expect(h).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(h).not.toContain('1234');
    }
    expect(r.session.current().demoUsers.map((u) => `${u.userId}/${u.pin}`)).toEqual([
      '1001/1234',
      '8001/8888',
      '9001/9999',
    ]);
  });

  it('five wrong PINs lock the user for five minutes; every failure and the lock are audited', async () => {
    r = rig();
    await r.staff.ensureDemoUsers();
    for (let i = 1; i <= 4; i++)
      await expect(r.session.signIn('1001', '0000')).rejects.toMatchObject({ code: 'BAD_PIN' });
    await expect(r.session.signIn('1001', '0000')).rejects.toMatchObject({ code: 'LOCKED' });
    // Locked: even the right PIN is refused, and nobody is signed in.
    await expect(r.session.signIn('1001', '1234')).rejects.toMatchObject({ code: 'LOCKED' });
    expect(r.session.user()).toBeNull();
    const rows = r.audit().filter((a) => a.action.startsWith('auth.'));
    expect(rows.map((a) => a.action)).toEqual([
      'auth.fail',
      'auth.fail',
      'auth.fail',
      'auth.fail',
      'auth.fail',
      'auth.lock',
      'auth.fail',
    ]);
    expect(JSON.parse(rows.at(-1)!.detail!)).toMatchObject({ reason: 'locked' });
    r.clock.advance(LOCK_MS - 1000);
    await expect(r.session.signIn('1001', '1234')).rejects.toMatchObject({ code: 'LOCKED' });
    r.clock.advance(2000);
    const s = await r.session.signIn('1001', '1234');
    expect(s.user).toEqual({ userId: '1001', name: '王芳', role: 'cashier' });
    expect(r.audit().at(-1)).toMatchObject({ actor: '1001', action: 'auth.signIn' });
    // The count starts again after a lock ends.
    for (let i = 1; i <= 4; i++) await r.session.signIn('1001', '1111').catch(() => undefined);
    expect(r.repos.users.get('1001')?.lockedUntil).toBeNull();
  });

  it('an unknown staff number is a wrong PIN (no oracle), audited', async () => {
    r = rig();
    await r.staff.ensureDemoUsers();
    await expect(r.session.signIn('4242', '1234')).rejects.toMatchObject({ code: 'BAD_PIN' });
    expect(r.audit().at(-1)).toMatchObject({ actor: '4242', action: 'auth.fail' });
  });

  it('with a live gateway demo users never sign in and a supervisor must be created first', async () => {
    r = rig();
    await r.staff.ensureDemoUsers();
    r.live();
    expect(r.staff.setupRequired()).toBe(true);
    expect(r.session.current().demoUsers).toEqual([]);
    await expect(r.session.signIn('8001', '8888')).rejects.toMatchObject({ code: 'USER_DISABLED' });
    const s = await r.session.setup('6001', '店长', '246810');
    expect(s).toMatchObject({ setupRequired: false, user: { userId: '6001', role: 'supervisor' } });
    await expect(r.session.setup('6002', '又一个', '135790')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('supervisors disable users and reset PINs; the last supervisor stays', async () => {
    r = rig();
    await r.staff.ensureDemoUsers();
    await r.session.signIn('1001', '1234');
    r.staff.setActive('1001', false);
    expect(r.session.user()).toBeNull(); // a disabled user loses the session at once
    await expect(r.session.signIn('1001', '1234')).rejects.toMatchObject({ code: 'USER_DISABLED' });
    expect(() => r.staff.setActive('8001', false)).toThrow(/last active supervisor/);
    r.staff.setActive('1001', true);
    await r.staff.resetPin('1001', '5678');
    await expect(r.session.signIn('1001', '1234')).rejects.toMatchObject({ code: 'BAD_PIN' });
    await r.session.signIn('1001', '5678');
    expect(r.audit().map((a) => a.action)).toEqual(
      expect.arrayContaining(['user.disable', 'user.enable', 'user.resetPin']),
    );
    expect(JSON.stringify(r.audit())).not.toContain('5678');
  });
});
