import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkPrerequisites, missingMessage, type Prerequisite } from '../setup/prerequisites';

const fake = (id: Prerequisite['id'], present: boolean): Prerequisite => ({
  id,
  package: id === 'unshare' ? 'util-linux' : id,
  suites: `the ${id} suites`,
  present: () => present,
});

describe('tests never skip silently', () => {
  it('a missing tool is named with its package; an opt-out is by name and reported', () => {
    const list = [fake('chromium', false), fake('socat', false), fake('unshare', true)];
    const none = checkPrerequisites({}, list);
    expect(none.missing.map((p) => p.id)).toEqual(['chromium', 'socat']);
    const text = missingMessage(none.missing);
    expect(text).toContain('install the Debian package "chromium"');
    expect(text).toContain('apt-get install chromium socat');
    expect(text).toContain('TILL_TEST_SKIP=chromium,socat');
    const some = checkPrerequisites({ TILL_TEST_SKIP: 'chromium' }, list);
    expect(some.missing.map((p) => p.id)).toEqual(['socat']);
    expect(some.skipped.map((p) => p.id)).toEqual(['chromium']);
    expect(() => checkPrerequisites({ TILL_TEST_SKIP: 'e2e' }, list)).toThrow(/unknown e2e/);
  });

  // The real mechanism, end to end: vitest as a child process with Chromium pointed elsewhere.
  const run = (env: Record<string, string>) =>
    spawnSync(
      process.execPath,
      ['node_modules/vitest/vitest.mjs', 'run', 'tests/unit/host/gatewayMode.test.ts'],
      {
        env: { ...process.env, TILL_TEST_CHROMIUM: '/nonexistent/chromium', ...env },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );

  it('without Chromium, the run fails and says which package to install', () => {
    const r = run({});
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toContain('install the Debian package "chromium"');
  });

  it('with TILL_TEST_SKIP=chromium it passes, and the summary reports the opt-out', () => {
    const r = run({ TILL_TEST_SKIP: 'chromium' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /OPTED OUT \(TILL_TEST_SKIP=chromium\):\n\s+- chromium: tests\/e2e .* NOT RUN/,
    );
  });
});
