import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { loadConfig } from '../host/config';
import { systemClock } from '../services/clock';
import { openRepos } from '../store';
import { exportCatalogue } from './exporter';
import { importSheet } from './importer';
import { readSheet } from './readFile';
import { formatReport } from './report';
import { createCatalogue } from './service';

const USAGE = `npm run catalogue -- <command>
  import FILE [--skip-bad] [--dry-run]   read a CSV or XLSX export of the shop's ERP into the till
  export FILE                            write the till's catalogue to FILE (.csv or .xlsx)
  demo                                   the sample catalogue, into a sandbox store that has none
  info                                   catalogue version and product count
The store is the one in TILL_DATA_DIR (as for npm start).`;

/**
 * `npm run catalogue`: the shop's own catalogue in, out, and what it is. Exit codes: 0 done,
 * 1 nothing imported (bad rows or a file that cannot be read), 2 wrong usage.
 */
export async function runCatalogueCli(
  argv: string[],
  out: (line: string) => void = console.log,
  appRoot = process.env.TILL_APP_ROOT ?? process.cwd(),
): Promise<number> {
  const [command, file] = argv.filter((a) => !a.startsWith('--'));
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  if (!command || (['import', 'export'].includes(command) && !file)) {
    out(USAGE);
    return 2;
  }
  const config = loadConfig();
  mkdirSync(config.dataDir, { recursive: true });
  const repos = openRepos(join(config.dataDir, 'till.db'));
  const actor = `cli:${userInfo().username}`;
  const at = () => new Date(systemClock.now()).toISOString();
  try {
    if (command === 'import') {
      const path = resolve(file as string);
      const sheet = await readSheet(path);
      const skipBad = flags.has('--skip-bad');
      const report = importSheet(repos, sheet, {
        skipBad,
        dryRun: flags.has('--dry-run'),
        source: `import:${basename(path)}`,
        actor,
        at: at(),
      });
      out(formatReport(basename(path), report, skipBad));
      return report.imported || flags.has('--dry-run') ? (report.problems.length ? 1 : 0) : 1;
    }
    if (command === 'export') {
      const n = await exportCatalogue(repos.products.all(), resolve(file as string));
      out(`导出 exported ${n} products to ${resolve(file as string)}`);
      return 0;
    }
    if (command === 'demo') {
      if (config.gatewayMode !== 'sandbox') {
        out('示例商品只导入沙箱收银机 the demo catalogue goes into a sandbox till only');
        return 1;
      }
      const catalogue = createCatalogue({ repos, clock: systemClock, actor: () => actor });
      const report = catalogue.seedDemo(join(appRoot, 'resources', 'catalogue.json'));
      out(
        report
          ? formatReport('catalogue.json', report, false)
          : '已有商品库，未导入 the store has a catalogue: nothing imported',
      );
      return report?.imported ? 0 : 1;
    }
    if (command === 'info') {
      out(JSON.stringify(repos.catalogue.info()));
      return 0;
    }
    out(USAGE);
    return 2;
  } finally {
    repos.db.close();
  }
}
