import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROFILES } from '../../printer';
import { ProductSchema, type AppInfo } from '../../shared/domain';
import { createEventBus } from '../api/events';
import { createHandlers, type Handlers } from '../api/handlers';
import { createPaymentEngine } from '../payments/engine';
import { createReconciler } from '../payments/reconciler';
import { createRefundService } from '../payments/refunds';
import { createPrintQueue } from '../receipts/printQueue';
import { createPrintWatch } from '../receipts/printWatch';
import { paperPreview } from '../services/printerView';
import { createTechnician } from '../services/technician';
import { TillError } from '../../shared/errors';
import { updateSettings } from './settingsFile';
import { createReceiptService } from '../receipts/service';
import { systemClock, type Clock } from '../services/clock';
import { createSaleService } from '../services/sale';
import { openRepos } from '../store';
import type { TillConfig } from './config';
import { setUpGateway } from './gateway';
import { createLogger } from './log';
import { setUpPrinter } from './printer';
import { readSecret } from './secrets';
import { setUpSync, syncTuning } from '../sync';
import { createCrossTill } from '../sync/crossTill';
import { sharedVersion } from '../sync/pull';
import { syncReportLines } from '../sync/report';

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
  // Once the store's shared catalogue was pulled, it is the catalogue: the sample stays out.
  if (sharedVersion(repos.db) === null) repos.products.importAll(catalogue);

  const events = createEventBus();
  const gw = await setUpGateway(config, Number(process.env.TILL_TIME_SCALE ?? 1));
  const printer = await setUpPrinter(config.printerUri, config.dataDir);
  const initialProfile = PROFILES[config.printerProfile] ?? PROFILES['80mm'];
  if (!initialProfile) throw new Error(`unknown printer profile ${config.printerProfile}`);
  const profile = { current: initialProfile };

  const queue = createPrintQueue({
    repos,
    printerUri: () => printer.uri,
    openTransport: printer.open,
    clock,
    events,
  });
  const receipts = createReceiptService({
    repos,
    audit: repos.audit,
    dataDir: config.dataDir,
    profile,
    queue,
    clock,
    storeName: config.storeName,
    cashier: config.cashier,
    tillNo: config.tillNo,
  });
  const onError = (err: unknown) => log.error({ err }, 'background task failed');
  const sync = setUpSync({
    syncUrl: config.syncUrl,
    tillNo: config.tillNo,
    password: () => readSecret(config.dataDir, 'sync.password'),
    repos,
    events,
    log,
    worker: syncTuning(process.env),
  });
  const engine = createPaymentEngine({
    repos,
    gateway: gw.gateway,
    clock,
    events,
    cashier: config.cashier,
    tillNo: config.tillNo,
    storeName: config.storeName,
    onOrderPaid: (orderId) => {
      log.info({ orderId }, 'order paid');
      receipts.issue(orderId).printed.catch(onError);
    },
    onOverpaid: (p) => {
      log.warn(
        { paymentId: p.paymentId, orderId: p.orderId },
        'second success on a paid order: refunding it',
      );
      refunds.refundOverpaid(p).catch(onError);
    },
    onError,
    trace: (paymentId, step, answer) => log.info({ paymentId, step, answer }, 'gateway answer'),
  });
  const refunds = createRefundService({ repos, gateway: gw.gateway, clock, actor: config.cashier });
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
  const technician = createTechnician({
    printer,
    profile,
    queue,
    repos,
    clock,
    version: opts.version,
    reportLines: () => syncReportLines(sync.status()),
    save: (uri, profileId) =>
      updateSettings(config.dataDir, {
        printer: uri,
        printerProfile: profileId as TillConfig['printerProfile'],
      }),
  });
  const handlers: Handlers = createHandlers({
    technician,
    preview: (orderId) => {
      const job = repos.printJobs.latestForOrder(orderId);
      const bytes = job ? repos.printJobs.bytes(job.jobId) : null;
      if (!bytes) throw new TillError('NOT_FOUND', 'orderId');
      return paperPreview(bytes, profile.current);
    },
    info,
    sales,
    engine,
    receipts,
    refunds,
    repos,
    jobs: repos.printJobs,
    retryPrint: (jobId) => queue.retry(jobId),
    actor: config.cashier,
    sync,
    crossTill: sync.enabled
      ? createCrossTill({
          link: sync,
          storeName: config.storeName,
          profile,
          queue,
          audit: repos.audit,
          gateway: gw.gateway,
          clock,
        })
      : null,
  });

  // Nothing is left unfinished by a crash: receipts for paid orders, then every open payment.
  const missingReceipts = receipts.ensureAll(repos.payments.paidOrdersWithoutReceipt());
  const reconciler = createReconciler({
    repos,
    engine,
    refunds,
    clock,
    query: (clientSn) => gw.gateway.query({ clientSn }),
    onError,
  });
  reconciler.start(Number(process.env.TILL_RECONCILE_MS ?? 60_000));
  const printWatch = createPrintWatch({
    repos,
    queue,
    printerUri: () => printer.uri,
    openTransport: printer.open,
    clock,
    events,
  });
  printWatch.start(Number(process.env.TILL_PRINT_WATCH_MS ?? 2_000));
  sync.start();
  log.info({ missingReceipts, printer: printer.uri, gateway: gw.gateway.name }, 'host started');

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
    reconciler,
    sync,
    async close(): Promise<void> {
      reconciler.stop();
      await sync.close();
      printWatch.stop();
      await queue.idle();
      await gw.sandbox?.close();
      await printer.virtual?.close();
      repos.db.close();
      log.flush();
    },
  };
}
export type Host = Awaited<ReturnType<typeof startHost>>;
