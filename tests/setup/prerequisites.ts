import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * What the test suites need from the machine. A missing one fails `npm test` with the Debian
 * package to install; a developer who cannot install it opts out by name (TILL_TEST_SKIP=…),
 * and the run's summary says so. Nothing is skipped silently.
 */
export interface Prerequisite {
  id: 'chromium' | 'socat' | 'unshare';
  /** The Debian package that provides it. */
  package: string;
  /** Which suites need it. */
  suites: string;
  present: () => boolean;
}

export const CHROMIUM = process.env.TILL_TEST_CHROMIUM || '/usr/bin/chromium';
export const SOCAT = '/usr/bin/socat';
export const UNSHARE = '/usr/bin/unshare';

/** unshare must also be allowed to make a user + mount namespace (tmpfs, read-only binds). */
function namespacesWork(): boolean {
  if (!existsSync(UNSHARE)) return false;
  const r = spawnSync(UNSHARE, ['-rm', 'sh', '-c', 'mount -t tmpfs tmpfs /mnt'], {
    stdio: 'ignore',
    timeout: 5000,
  });
  return r.status === 0;
}

export const PREREQUISITES: readonly Prerequisite[] = [
  {
    id: 'chromium',
    package: 'chromium',
    suites: 'tests/e2e (headless Chromium on kiosk mode)',
    present: () => existsSync(CHROMIUM),
  },
  {
    id: 'socat',
    package: 'socat',
    suites: 'tests/integration/printer/serial-pty (a real pty pair)',
    present: () => existsSync(SOCAT),
  },
  {
    id: 'unshare',
    package: 'util-linux (with unprivileged user namespaces)',
    suites: 'tests/integration/store (full disk, read-only folder)',
    present: namespacesWork,
  },
];

export const SKIP_VAR = 'TILL_TEST_SKIP';

/** The ids named in TILL_TEST_SKIP (comma separated). */
export function optedOut(env: NodeJS.ProcessEnv = process.env): Set<string> {
  return new Set(
    (env[SKIP_VAR] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

export interface PrerequisiteReport {
  /** Missing and not opted out: the run must fail. */
  missing: Prerequisite[];
  /** Opted out by the developer: their suites are skipped and the summary says so. */
  skipped: Prerequisite[];
}

export function checkPrerequisites(
  env: NodeJS.ProcessEnv = process.env,
  list: readonly Prerequisite[] = PREREQUISITES,
): PrerequisiteReport {
  const out = optedOut(env);
  const unknown = [...out].filter((id) => !list.some((p) => p.id === id));
  if (unknown.length > 0)
    throw new Error(
      `${SKIP_VAR}: unknown ${unknown.join(', ')} (known: ${list.map((p) => p.id).join(', ')})`,
    );
  return {
    skipped: list.filter((p) => out.has(p.id)),
    missing: list.filter((p) => !out.has(p.id) && !p.present()),
  };
}

export function missingMessage(missing: readonly Prerequisite[]): string {
  return [
    `npm test needs ${missing.map((p) => p.id).join(', ')} on this machine:`,
    ...missing.map(
      (p) => `  - ${p.id}: install the Debian package "${p.package}" (for ${p.suites})`,
    ),
    `  apt-get install ${missing.map((p) => p.package.split(' ')[0]).join(' ')}   (.ci/run does it)`,
    `Or skip those suites on purpose: ${SKIP_VAR}=${missing.map((p) => p.id).join(',')} npm test (the summary will say so).`,
  ].join('\n');
}

/** For the suites: skip only when the developer said so (a missing tool already failed the run). */
export const skipped = (id: Prerequisite['id']): boolean => optedOut().has(id);
