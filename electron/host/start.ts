import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { auditCli } from './cli/audit';
import { explainStartFailure, EXIT } from './cli/messages';
import { catalogueCli } from '../catalogue/main';
import { storeDbCli } from '../sync/cli';
import { keysCli } from './cli/keys';
import { storeCli } from './cli/store';
import { dataDirOf, loadConfig } from './config';
import { runKiosk } from './kiosk';

/**
 * `npm start`: Electron when its binary is installed, kiosk mode otherwise (DESIGN.md).
 * `--kiosk` forces kiosk mode, e.g. for tests and technicians. `keys …`, `store …`, `audit …`,
 * `catalogue …` and `store-db …` are the CLIs behind `npm run keys|store|audit|catalogue|store-db`:
 * they ship with the production build, so a shop's install can run them.
 */
const appRoot = process.env.TILL_APP_ROOT ?? resolve(__dirname, '..', '..');

/** Reads electron's path.txt; require('electron') would try to download the binary. */
function electronBinary(): string | null {
  const dir = join(appRoot, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

const MODE_LINE = {
  live: 'LIVE (real money)',
  sandbox: 'SANDBOX (test money; receipts marked 测试小票)',
  setup: 'SETUP: no gateway configured, no payments are taken',
} as const;

async function main(): Promise<number | null> {
  const [sub, ...rest] = process.argv.slice(2).filter((a) => a !== '--kiosk');
  if (sub === 'keys') return keysCli(rest);
  if (sub === 'store') return storeCli(rest);
  if (sub === 'audit') return auditCli(rest);
  if (sub === 'catalogue') return catalogueCli(rest);
  if (sub === 'store-db') return storeDbCli(rest);
  const version = (
    JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const electron = process.argv.includes('--kiosk') ? null : electronBinary();
  if (electron) {
    const child = spawn(electron, [join(appRoot, 'dist', 'electron', 'main.cjs')], {
      stdio: 'inherit',
    });
    child.on('exit', (code) => process.exit(code ?? 0));
    return null;
  }
  const config = loadConfig();
  const kiosk = await runKiosk(config, { appRoot, version });
  const info = kiosk.host.info();
  console.log(`Till ${version} — kiosk mode (Electron binary not installed or --kiosk given)`);
  console.log(`  gateway: ${info.gateway} — ${MODE_LINE[config.gatewayMode]}`);
  console.log(`           because ${config.gatewayReason}`);
  console.log(`  printer: ${info.printer}`);
  console.log(`  data:    ${config.dataDir}`);
  console.log(`  open:    ${kiosk.url}`);
  console.log(`  display: ${kiosk.displayUrl}   (customer display, view only)`);
  console.log(
    `TILL_READY ${JSON.stringify({ url: kiosk.url, displayUrl: kiosk.displayUrl, port: kiosk.port, token: kiosk.token, dataDir: config.dataDir, mode: config.gatewayMode })}`,
  );
  const stop = () => {
    void kiosk.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return null;
}

// A till keeps selling: a stray rejection is reported, never a reason to drop the open sale.
process.on('unhandledRejection', (reason) =>
  console.error('unhandled rejection (kept running):', reason),
);

main().then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (err: unknown) => {
    const { text, code } = explainStartFailure(err, dataDirOf(process.env));
    console.error(text);
    process.exit(code ?? EXIT.failed);
  },
);
