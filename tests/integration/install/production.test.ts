import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { minimatch } from 'minimatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeSandboxCode,
  startSandboxGateway,
  type SandboxGateway,
} from '../../../electron/gateway';
import catalogue from '../../../resources/catalogue.json';
import { kioskClient } from '../../helpers/kioskClient';
import { spawnTill, stopTill } from '../../helpers/spawnTill';
import { tempDir } from '../../helpers/tmp';

/**
 * The shop build as a shop gets it: built with --flavour=production, its node_modules pruned to
 * `dependencies` only (npm prune --omit=dev on a hard-linked copy: what `npm ci --omit=dev`
 * leaves, without the network; .ci/run also does the real `npm ci --omit=dev`), then started.
 */
const root = resolve('.');
const tmp = tempDir('till-prod-');
const app = join(tmp.dir, 'app');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const timings: Record<string, number> = {};
let acquirer: SandboxGateway;

function timed<T>(name: string, f: () => T): T {
  const t0 = performance.now();
  try {
    return f();
  } finally {
    timings[name] = Math.round(performance.now() - t0);
  }
}

beforeAll(async () => {
  if (!existsSync('dist/renderer/index.html')) throw new Error('run `npm run build` first');
  mkdirSync(app);
  timed('build', () =>
    execFileSync(
      process.execPath,
      ['scripts/build.mjs', '--flavour=production', `--out=${join(app, 'dist')}`, '--host-only'],
      {
        stdio: 'pipe',
      },
    ),
  );
  cpSync('dist/renderer', join(app, 'dist', 'renderer'), { recursive: true });
  cpSync('resources', join(app, 'resources'), { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) cpSync(f, join(app, f));
  // node_modules may be a symlink to a shared install: link its files, never the link itself,
  // or the prune below would empty the install every worktree uses.
  const modules = realpathSync('node_modules');
  timed('copy', () => execFileSync('cp', ['-al', modules, join(app, 'node_modules')]));
  if (lstatSync(join(app, 'node_modules')).isSymbolicLink())
    throw new Error('the copy of node_modules is a symlink: refusing to prune through it');
  // npm rewrites its own index: give it a real copy, never a hard link into the install's.
  const index = join(app, 'node_modules', '.package-lock.json');
  rmSync(index, { force: true });
  if (existsSync(join(modules, '.package-lock.json')))
    cpSync(join(modules, '.package-lock.json'), index);
  timed('prune', () =>
    execFileSync('npm', ['prune', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: app,
      stdio: 'pipe',
      env: { ...process.env, npm_config_update_notifier: 'false' },
    }),
  );
  acquirer = await startSandboxGateway({
    terminalSn: 'T-PROD-01',
    terminalKey: 'prod-key-'.repeat(4),
  });
}, 240_000);
afterAll(async () => {
  console.log(`production install: ${JSON.stringify(timings)} ms`);
  await acquirer?.close();
  tmp.cleanup();
});

const start = (dataDir: string, env: Record<string, string | undefined> = {}) =>
  spawnTill(
    { TILL_DATA_DIR: dataDir, TILL_PRINTER: 'none', TILL_GATEWAY: undefined, ...env },
    20_000,
    {
      file: process.execPath,
      args: [join(app, 'dist', 'host', 'start.cjs'), '--kiosk'],
    },
  );

/**
 * A shop's till starts with no catalogue: the shop imports its own with the catalogue CLI of the
 * production install itself (which also proves the CSV reader ships in the pruned install).
 */
function importCatalogue(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  const csv = join(dataDir, '..', `goods-${Math.random().toString(36).slice(2)}.csv`);
  const rows = catalogue
    .slice(0, 5)
    .map((p) => `${p.barcode},${p.name},${(p.priceFen / 100).toFixed(2)},${p.unit}`);
  writeFileSync(csv, ['条码,品名,售价,单位', ...rows].join('\n'));
  execFileSync(
    process.execPath,
    [join(app, 'dist', 'host', 'start.cjs'), 'catalogue', 'import', csv],
    {
      env: { ...process.env, TILL_DATA_DIR: dataDir },
      stdio: 'pipe',
    },
  );
}

describe('a production install that starts', () => {
  it('holds the runtime dependencies and none of the development ones', () => {
    const installed = new Set(
      readdirSync(join(app, 'node_modules')).flatMap((d) =>
        d.startsWith('@') ? readdirSync(join(app, 'node_modules', d)).map((s) => `${d}/${s}`) : [d],
      ),
    );
    for (const dep of Object.keys(pkg.dependencies)) expect(installed, dep).toContain(dep);
    for (const dev of ['electron', 'vitest', 'esbuild', 'tsx', 'vite', 'react', 'playwright-core'])
      expect(installed.has(dev), dev).toBe(false);
  });

  it('is built without the sandbox, the virtual printer and the test knobs', () => {
    const build = JSON.parse(readFileSync(join(app, 'dist', 'build.json'), 'utf8')) as {
      flavour: string;
      inputs: string[];
      externals: string[];
    };
    expect(build.flavour).toBe('production');
    expect(
      build.inputs.filter((i) =>
        /gateway\/sandbox\/|printer\/virtual\/|edition\/(knobs|demo)\.ts/.test(i),
      ),
    ).toEqual([]);
    // The development bundle has them all, so the check below can fail.
    const dev = readFileSync(join('dist', 'host', 'start.cjs'), 'utf8');
    for (const word of [
      'TILL_TIME_SCALE',
      'function startSandboxGateway',
      'PrinterSession = class',
    ])
      expect(dev).toContain(word);
    for (const bundle of ['host/start.cjs', 'electron/main.cjs']) {
      const code = readFileSync(join(app, 'dist', bundle), 'utf8');
      // The implementations, not a name in passing (the host asks a null demo kit for them).
      for (const word of [
        'TILL_TIME_SCALE',
        'TILL_RECONCILE_MS',
        'TILL_PRINT_WATCH_MS',
        'TILL_PRINTER_CHECK_MS',
        'TILL_PRINT_ORPHANS_MS',
        'TILL_CRASH_AT',
        'function startSandboxGateway',
        'function startVirtualPrinter',
        'PrinterSession = class',
        '/__sandbox/',
      ])
        expect(code.includes(word), `${bundle}: ${word}`).toBe(false);
    }
    // Every package the bundles require at run time is a dependency, and nothing else is.
    const required = build.externals.filter((e) => !e.startsWith('node:') && e !== 'electron');
    expect(required.sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it('with no gateway configured: starts in setup mode and takes no payment', async () => {
    const dir = join(tmp.dir, 'setup');
    importCatalogue(dir);
    const till = await start(dir);
    try {
      expect(till.output()).toContain('SETUP: no gateway configured');
      const api = kioskClient(till.port, till.token);
      expect((await api.call('app.info', {})).json.value).toMatchObject({
        mode: 'setup',
        sandbox: false,
      });
      expect((await api.call('sale.scan', { barcode: catalogue[0]!.barcode })).json.ok).toBe(true);
      for (const pay of [
        { kind: 'cash', receivedFen: 10_000 },
        { kind: 'wallet', authCode: makeSandboxCode('WECHAT', '0001', 1) },
      ]) {
        const r = await api.call('pay.start', pay);
        expect(r.json.error?.code).toBe('NOT_CONFIGURED');
        expect(r.json.error?.messageZh).toContain('尚未配置支付网关');
      }
      const page = await fetch(`http://127.0.0.1:${till.port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      await stopTill(till);
    }
    // Asking a shop build for the sandbox it does not carry is still setup mode, not a sandbox.
    const asked = await start(dir, { TILL_GATEWAY: 'sandbox' });
    expect(asked.output()).toMatch(/SETUP.*\n.*this build carries no sandbox/);
    await stopTill(asked);
  });

  it('with live credentials: a wallet payment goes to the acquirer, and the paper preview renders', async () => {
    const dir = join(tmp.dir, 'live');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({
        gateway: {
          protocol: 'upay',
          url: acquirer.url,
          terminalSn: acquirer.terminalSn,
          terminalKey: acquirer.terminalKey,
        },
      }),
    );
    importCatalogue(dir);
    const till = await start(dir);
    try {
      const api = kioskClient(till.port, till.token);
      await api.call('sale.scan', { barcode: catalogue[2]!.barcode });
      const sale = (await api.call('sale.current', {})).json.value as unknown as {
        orderId: string;
      };
      const p = (
        await api.call('pay.start', {
          kind: 'wallet',
          authCode: makeSandboxCode('WECHAT', '0001', 2),
        })
      ).json.value as unknown as { paymentId: string };
      let state = '';
      for (let i = 0; i < 300 && state !== 'PAID'; i++) {
        state = (
          (await api.call('pay.status', { paymentId: p.paymentId })).json.value as unknown as {
            state: string;
          }
        ).state;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(state).toBe('PAID');
      expect(acquirer.ledger()).toHaveLength(1);
      // The preview is drawn with pngjs: the dependency that was once only a devDependency.
      let preview: { png?: string } | undefined;
      for (let i = 0; i < 100 && !preview?.png; i++) {
        preview = (await api.call('receipt.preview', { orderId: sale.orderId })).json
          .value as unknown as { png: string };
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(preview?.png).toMatch(/^data:image\/png;base64,iVBOR/);
    } finally {
      await stopTill(till);
    }
  });
});

describe('electron-builder packs exactly what that run needs', () => {
  const config = createRequire(import.meta.url)('js-yaml').load(
    readFileSync('electron-builder.yml', 'utf8'),
  ) as {
    files: string[];
    asarUnpack: string[];
    npmRebuild?: boolean;
  };
  const included = (path: string) => {
    let inside = false;
    for (const pattern of config.files) {
      if (pattern.startsWith('!')) {
        if (minimatch(path, pattern.slice(1), { dot: true })) inside = false;
      } else if (minimatch(path, pattern, { dot: true })) inside = true;
    }
    return inside;
  };
  /** Every file under dir, relative to root. */
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name).replaceAll('\\', '/')],
    );

  it('files cover what the packaged app reads: bundles, renderer, catalogue, package.json', () => {
    for (const f of [
      'dist/electron/main.cjs',
      'dist/electron/preload.cjs',
      'dist/renderer/index.html',
      'resources/catalogue.json',
      'package.json',
      'build/electron/better_sqlite3.node',
    ])
      expect(included(f), f).toBe(true);
    for (const f of walk('dist/renderer')) expect(included(f), f).toBe(true);
    // …and leave out what it does not: source maps, sources, tests, the dev bundle's knobs.
    for (const f of [
      'dist/host/start.cjs.map',
      'electron/host/host.ts',
      'tests/e2e/sale.test.ts',
      'node_modules/better-sqlite3/src/better_sqlite3.cpp',
      'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
    ])
      expect(included(f), f).toBe(false);
  });

  it('refuses to package a development build (after-pack hook)', () => {
    const { checkFlavour } = createRequire(import.meta.url)('../../../scripts/after-pack.cjs') as {
      checkFlavour: (dir: string) => string;
    };
    expect(checkFlavour(app)).toBe('production'); // the production build made above
    expect(() => checkFlavour(root)).toThrow(/dist\/ holds a dev build/); // npm run build's
    expect(() => checkFlavour(tmp.dir)).toThrow(/build.json is missing/);
  });

  it('every native addon of the production dependencies is unpacked from the asar', () => {
    // What the pruned production install holds is what electron-builder packs from node_modules.
    const natives = walkAbs(join(app, 'node_modules'))
      .filter((f) => f.endsWith('.node'))
      .map(
        (f) =>
          `node_modules/${f.slice(join(app, 'node_modules').length + 1).replaceAll('\\', '/')}`,
      );
    expect(natives.some((f) => f.startsWith('node_modules/better-sqlite3/'))).toBe(true);
    for (const f of [...natives, 'build/electron/better_sqlite3.node'])
      expect(
        config.asarUnpack.some((p) => minimatch(f, p, { dot: true })),
        f,
      ).toBe(true);
    expect(config.npmRebuild).toBe(false); // better-sqlite3 is built for Electron by postinstall
  });
});

function walkAbs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walkAbs(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [],
  );
}
