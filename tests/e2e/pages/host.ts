import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Channel } from '../../../shared/channels';
import type { Approved, Input, Output } from '../../../shared/contract';
import type { Product } from '../../../shared/domain';
import type { Result } from '../../../shared/result';
import { DEMO, kioskClient, type SignIn } from '../../helpers/kioskClient';
import { seedCatalogue } from '../../helpers/seedCatalogue';
import { kill9, spawnTill } from '../../helpers/spawnTill';
import { CHROMIUM, skipped } from '../../setup/prerequisites';

export const HOST_ENTRY = join(process.cwd(), 'dist', 'host', 'start.cjs');

/**
 * The e2e suites need the built host and Debian's Chromium. Without Chromium the run has already
 * failed (tests/setup/global.ts) unless the developer opted out with TILL_TEST_SKIP=chromium.
 */
export const E2E_READY = !skipped('chromium');

export const catalogue = (): Product[] =>
  JSON.parse(readFileSync(join(process.cwd(), 'resources', 'catalogue.json'), 'utf8')) as Product[];

export interface RunningHost {
  url: string;
  /** The customer display's page (view-only token). */
  displayUrl: string;
  port: number;
  token: string;
  dataDir: string;
  output(): string;
  /** The same contract the page uses, for checks from the test side. */
  call<C extends Channel>(channel: C, input: Approved<Input<C>>): Promise<Result<Output<C>>>;
  /** Signs another user in at the till (the page follows: one session per till). */
  signIn(who: SignIn): Promise<void>;
  stop(): Promise<void>;
  /** SIGKILL: the till dies as in a power cut. */
  crash(): Promise<void>;
}

/**
 * `node dist/host/start.cjs --kiosk` in a fresh data folder (tests/helpers/spawnTill), with the
 * demo cashier signed in and a shift open unless `signIn: false` (the page then shows sign-in).
 * `printerUri` null leaves TILL_PRINTER unset: the host starts its built-in virtual printer.
 */
export async function startHost(
  printerUri: string | null,
  timeoutMs = 30_000,
  opts: {
    env?: Record<string, string>;
    settings?: object;
    /** Start again on a data folder a previous host used (a restart), and on its port. */
    dataDir?: string;
    port?: number;
    /** Who is signed in (the demo cashier, with a shift open); false: the page signs in. */
    signIn?: SignIn | false;
  } = {},
): Promise<RunningHost> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'till-e2e-'));
  if (opts.settings) writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(opts.settings));
  // A new data folder gets the shop's catalogue before the till's first start, whatever mode
  // the till will decide on (settings, keys, TILL_GATEWAY, a restart into live): a live till
  // has none of its own, by design. A sandbox till then finds one and seeds no demo.
  if (!existsSync(join(dataDir, 'till.db'))) seedCatalogue(dataDir);
  const till = await spawnTill(
    {
      TILL_DATA_DIR: dataDir,
      TILL_GATEWAY: 'sandbox',
      TILL_PRINTER: printerUri ?? undefined,
      ...(opts.port !== undefined ? { TILL_PORT: String(opts.port) } : {}),
      ...opts.env,
    },
    timeoutMs,
    undefined,
    { signIn: opts.signIn ?? DEMO.cashier },
  );
  const base = `http://127.0.0.1:${till.port}`;
  const { child } = till;
  return {
    url: till.url,
    displayUrl: till.displayUrl ?? '',
    port: till.port,
    token: till.token,
    dataDir: till.dataDir,
    output: till.output,
    async call(channel, input) {
      const res = await fetch(`${base}/api/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${till.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await res.json()) as never;
    },
    signIn: (who) => kioskClient(till.port, till.token).signIn(who),
    crash: () => kill9(till),
    // SIGTERM first: the host closes its server and store cleanly.
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Debian's Chromium, headless; never a downloaded browser. In China time, as a till's screen is:
 * the host writes receipts and timelines in China time, the page its lists in local time.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    env: { ...process.env, TZ: 'Asia/Shanghai' },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/**
 * Page errors and console errors go to `sink`. Refusals come back as 4xx envelopes, which
 * Chromium logs as failed loads; anything else (a CSP violation, a crash) is a bug.
 */
export function watchPageErrors(page: Page, sink: string[]): void {
  page.on('pageerror', (e) => sink.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      sink.push(m.text());
  });
}

/** Closes the browser, stops the till and the printers, and removes the till's data folder. */
export async function tearDown(
  browser: Browser | undefined,
  host: RunningHost | undefined,
  ...printers: ({ close(): Promise<void> } | undefined)[]
): Promise<void> {
  await browser?.close();
  await host?.stop();
  for (const p of printers) await p?.close();
  if (host) rmSync(host.dataDir, { recursive: true, force: true });
}
