import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from './config';
import { runKiosk } from './kiosk';

/**
 * `npm start`: Electron when its binary is installed, kiosk mode otherwise (DESIGN.md).
 * `--kiosk` forces kiosk mode, e.g. for tests and technicians.
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

async function main(): Promise<void> {
  const version = (
    JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const electron = process.argv.includes('--kiosk') ? null : electronBinary();
  if (electron) {
    const child = spawn(electron, [join(appRoot, 'dist', 'electron', 'main.cjs')], {
      stdio: 'inherit',
    });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  const config = loadConfig();
  const kiosk = await runKiosk(config, { appRoot, version });
  const info = kiosk.host.info();
  console.log(`Till ${version} — kiosk mode (Electron binary not installed or --kiosk given)`);
  console.log(
    `  gateway: ${info.gateway}${info.sandbox ? ' (SANDBOX)' : ''}   printer: ${info.printer}`,
  );
  console.log(`  data:    ${config.dataDir}`);
  console.log(`  open:    ${kiosk.url}`);
  console.log(`  display: ${kiosk.displayUrl}   (customer display, view only)`);
  console.log(
    `TILL_READY ${JSON.stringify({ url: kiosk.url, displayUrl: kiosk.displayUrl, port: kiosk.port, token: kiosk.token, dataDir: config.dataDir })}`,
  );
  const stop = () => {
    void kiosk.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// A till keeps selling: a stray rejection is reported, never a reason to drop the open sale.
process.on('unhandledRejection', (reason) =>
  console.error('unhandled rejection (kept running):', reason),
);

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? `Configuration error: ${err.message}` : err);
  process.exit(1);
});
