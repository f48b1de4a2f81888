// Runs after `npm install` / `npm ci`. Electron's own download script is denied in package.json
// (allowScripts) so that an offline machine still installs; here we try the download ourselves
// and carry on when it fails: `npm start` then runs the same app in kiosk mode.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const say = (msg) => console.log(`[till postinstall] ${msg}`);

// Reads electron's path.txt instead of require('electron'), which would start a download.
function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

function downloadElectron() {
  if (process.env.TILL_SKIP_ELECTRON_DOWNLOAD)
    return say('Electron download skipped (TILL_SKIP_ELECTRON_DOWNLOAD).');
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return say('electron package not installed; kiosk mode only.');
  const r = spawnSync(process.execPath, [installer], {
    stdio: 'pipe',
    timeout: 180_000,
    encoding: 'utf8',
  });
  if (r.status !== 0)
    say('Electron binary could not be downloaded (offline?). `npm start` will use kiosk mode.');
}

// better-sqlite3 is a native addon: npm built it for Node (tests, kiosk). Electron needs its own
// build for its ABI; it goes to build/electron/ so the Node build stays usable (electron/store/native.ts).
function buildSqliteForElectron() {
  const version = JSON.parse(
    readFileSync(require.resolve('electron/package.json'), 'utf8'),
  ).version;
  const src = dirname(require.resolve('better-sqlite3/package.json'));
  const work = join(root, 'build', 'electron-sqlite');
  const out = join(root, 'build', 'electron', 'better_sqlite3.node');
  rmSync(work, { recursive: true, force: true });
  cpSync(src, work, { recursive: true, filter: (p) => !p.includes(`${src}/build`) });
  const common = { cwd: work, stdio: 'inherit', timeout: 600_000 };
  const prebuilt = spawnSync(
    process.execPath,
    [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', version],
    common,
  );
  if (prebuilt.status !== 0) {
    say('no prebuilt better-sqlite3 for Electron; compiling it');
    const gyp = spawnSync(
      process.execPath,
      [
        require.resolve('node-gyp/bin/node-gyp.js'),
        'rebuild',
        '--release',
        `--target=${version}`,
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
      ],
      common,
    );
    if (gyp.status !== 0)
      return say('could not build better-sqlite3 for Electron; kiosk mode still works.');
  }
  mkdirSync(dirname(out), { recursive: true });
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), out);
  rmSync(work, { recursive: true, force: true });
  say(`better-sqlite3 built for Electron ${version}: ${out}`);
}

try {
  if (!electronBinary()) downloadElectron();
  if (electronBinary()) buildSqliteForElectron();
  else say('Electron binary absent: tests and `npm start` run in kiosk mode.');
} catch (err) {
  say(`skipped Electron preparation: ${err instanceof Error ? err.message : String(err)}`);
}
