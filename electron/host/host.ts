import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROFILES } from '../../printer';
import { ProductSchema, type AppInfo } from '../../shared/domain';
import { createEventBus } from '../api/events';
import { createHandlers, type Handlers } from '../api/handlers';
import { createPaymentEngine } from '../payments/engine';
import { createPrintQueue } from '../receipts/printQueue';
import { createReceiptService } from '../receipts/service';
import { systemClock, type Clock } from '../services/clock';
import { createSaleService } from '../services/sale';
import { openRepos } from '../store';
import type { TillConfig } from './config';
import { setUpGateway } from './gateway';
import { createLogger } from './log';
import { setUpPrinter } from './printer';

export interface HostOptions {
  /** Folder of the app's own files (resources/, build/): the project root or the packaged app. */
  appRoot: string;
  version: string;
  clock?: Clock;
  nativeBinding?: string;
}

/**
 * Composes the host services from the configuration. Plain Node: the Electron shell and the
 * kiosk server both sit on top of what this returns.
 */
export async function startHost(config: TillConfig, opts: HostOptions) {
  mkdirSync(config.dataDir, { recursive: true });
  const log = createLogger(config.dataDir);
  const clock = opts.clock ?? systemClock;
  const repos = openRepos(join(config.dataDir, 'till.db'), { nativeBinding: opts.nativeBinding });
  const catalogue = z
    .array(ProductSchema)
    .parse(JSON.parse(readFileSync(join(opts.appRoot, 'resources', 'catalogue.json'), 'utf8')));
  repos.products.importAll(catalogue);

  const events = createEventBus();
  const gw = await setUpGateway(config);
  const printer = await setUpPrinter(config.printerUri, config.dataDir);
  const profile = PROFILES[config.printerProfile] ?? PROFILES['80mm'];
  if (!profile) throw new Error(`unknown printer profile ${config.printerProfile}`);

  const queue = createPrintQueue({
    repos,
    printerUri: printer.uri,
    openTransport: printer.open,
    clock,
    events,
  });
  const receipts = createReceiptService({
    repos,
    dataDir: config.dataDir,
    profile,
    queue,
    clock,
    storeName: config.storeName,
    cashier: config.cashier,
    tillNo: config.tillNo,
  });
  const onError = (err: unknown) => log.error({ err }, 'background task failed');
  const engine = createPaymentEngine({
    repos,
    gateway: gw.gateway,
    clock,
    events,
    cashier: config.cashier,
    tillNo: config.tillNo,
    storeName: config.storeName,
    onPaid: (p) => {
      log.info({ paymentId: p.paymentId, orderId: p.orderId, method: p.method }, 'paid');
      receipts.issue(p).printed.catch(onError);
    },
    onError,
  });
  const sales = createSaleService({ repos, clock, events, cashier: config.cashier });

  const info = (): AppInfo => ({
    storeName: config.storeName,
    cashier: config.cashier,
    version: opts.version,
    gateway: gw.gateway.name,
    sandbox: gw.gateway.sandbox,
    sandboxCodes: gw.codes,
    printer: printer.label,
    dataDir: config.dataDir,
  });
  const handlers: Handlers = createHandlers({ info, sales, engine, receipts, repos });

  // Nothing is left unfinished by a crash: receipts for paid orders, then open payments.
  const missingReceipts = receipts.ensureAll(repos.payments.paidWithoutReceipt());
  const resumed = engine.resumeAll();
  log.info(
    { missingReceipts, resumed, printer: printer.uri, gateway: gw.gateway.name },
    'host started',
  );

  return {
    config,
    repos,
    events,
    handlers,
    info,
    engine,
    log,
    sandbox: gw.sandbox,
    virtualPrinter: printer.virtual,
    onError,
    async close(): Promise<void> {
      await queue.idle();
      await gw.sandbox?.close();
      await printer.virtual?.close();
      repos.db.close();
      log.flush();
    },
  };
}
export type Host = Awaited<ReturnType<typeof startHost>>;
