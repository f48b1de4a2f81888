import { join } from 'node:path';
import { PROFILES } from '../../printer';
import type { AppInfo } from '../../shared/domain';
import { createEventBus } from '../api/events';
import { createHandlers, type Handlers } from '../api/handlers';
import { createPaymentEngine } from '../payments/engine';
import { createReconciler } from '../payments/reconciler';
import { createRefundService } from '../payments/refunds';
import { createDrawer } from '../receipts/drawer';
import { createPrinterLane } from '../receipts/printerLane';
import { createPrintQueue } from '../receipts/printQueue';
import { createPrintWatch } from '../receipts/printWatch';
import { paperPreview } from '../services/printerView';
import { createGatewaySetup } from '../services/gatewaySetup';
import { createStoreTools } from '../services/storeTools';
import { createTechnician } from '../services/technician';
import { guardSetupMode } from '../api/setupGuard';
import { TillError } from '../../shared/errors';
import { updateSettings } from './settingsFile';
import { createReceiptService } from '../receipts/service';
import { systemClock, type Clock } from '../services/clock';
import { openRepos, type Repos } from '../store';
import { scheduleBackups } from './backups';
import type { TillConfig } from './config';
import { secureDataDir } from './dataDir';
import { EDITION } from './edition';
import { setUpGateway } from './gateway';
import { openKeyStore, type KeyStore } from './keys/keyStore';
import { acquireLock } from './lock';
import { createLogger } from './log';
import { crashPoint } from './crashPoint';
import { setUpPrinter } from './printer';
import { setUpSelling } from './selling';
import { setUpSync, syncTuning } from '../sync';
import { createCrossTill } from '../sync/crossTill';
import { syncReportLines } from '../sync/report';

export interface HostOptions {
  /** Folder of the app's own files (resources/, build/): the project root or the packaged app. */
  appRoot: string;
  version: string;
  clock?: Clock;
  nativeBinding?: string;
  /** Where gateway keys live: the Electron shell passes its safeStorage-sealed store. */
  keys?: KeyStore;
}

/**
 * Composes the host services from the configuration. Plain Node: the Electron shell and the
 * kiosk server both sit on top of what this returns.
 */
export async function startHost(config: TillConfig, opts: HostOptions) {
  secureDataDir(config.dataDir);
  // One till per store: a second host on this folder stops here and says where the first one is.
  const lock = acquireLock(config.dataDir, { nativeBinding: opts.nativeBinding });
  const log = createLogger(config.dataDir);
  const clock = opts.clock ?? systemClock;
  const knobs = EDITION.knobs(process.env);
  const storeFile = join(config.dataDir, 'till.db');
  let repos: Repos;
  try {
    repos = openRepos(storeFile, { nativeBinding: opts.nativeBinding });
  } catch (err) {
    lock.release();
    throw err;
  }
  const events = createEventBus();
  const gw = await setUpGateway(config, EDITION.demo, knobs.timeScale);
  const printer = await setUpPrinter(
    config.printerUri,
    config.dataDir,
    config.printerPortList,
    EDITION.demo,
  );
  const initialProfile = PROFILES[config.printerProfile] ?? PROFILES['80mm'];
  if (!initialProfile) throw new Error(`unknown printer profile ${config.printerProfile}`);
  const chineseFont = config.printerFont ?? initialProfile.chineseFont;
  const profile = { current: { ...initialProfile, chineseFont } };

  const onError = (err: unknown) => log.error({ err }, 'background task failed');
  const lane = createPrinterLane();
  const queue = createPrintQueue({
    repos,
    lane,
    printerUri: () => printer.uri,
    openTransport: printer.open,
    clock,
    events,
    readyPollMs: knobs.printWatchMs,
    healthMs: knobs.printerCheckMs,
    onError,
  });
  const drawer = createDrawer({
    lane,
    printerUri: () => printer.uri,
    openTransport: printer.open,
    audit: repos.audit,
    clock,
    events,
    actor: () => config.cashier,
    // The printer answered the drawer: receipts waiting for it need not wait for the next poll.
    onResult: (r) => {
      if (r.ok && queue.health().state !== 'ready') queue.recheck();
    },
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
    sandbox: gw.gateway.sandbox,
  });
  const keys = opts.keys ?? openKeyStore(config.dataDir);
  const sync = setUpSync({
    syncUrl: config.syncUrl,
    tillNo: config.tillNo,
    password: () => keys.get('sync.password') ?? null,
    repos,
    clock,
    events,
    log,
    worker: syncTuning(knobs.sync),
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
      crashPoint(knobs.crashAt, 'order-paid');
      receipts.issue(orderId).printed.catch(onError);
    },
    onCashTaken: (p) => {
      drawer.sale(p.orderId).then((r) => {
        if (!r.ok) log.warn({ orderId: p.orderId, error: r.errorCode }, 'drawer did not open');
      }, onError);
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
  const selling = setUpSelling({
    config,
    repos,
    clock,
    events,
    appRoot: opts.appRoot,
    sandbox: gw.gateway.sandbox,
    actor: () => config.cashier,
  });
  const { sales } = selling;

  const info = (): AppInfo => ({
    storeName: config.storeName,
    cashier: config.cashier,
    version: opts.version,
    gateway: gw.gateway.name,
    sandbox: gw.gateway.sandbox,
    mode: config.gatewayMode,
    modeReason: config.gatewayReason,
    sandboxCodes: gw.codes,
    printer: printer.label,
    dataDir: config.dataDir,
  });
  const technician = createTechnician({
    printer,
    profile,
    queue,
    drawer,
    repos,
    clock,
    version: opts.version,
    sandbox: gw.gateway.sandbox,
    reportLines: () => syncReportLines(sync.status(), repos.catalogue.info()),
    save: (uri, profileId, font) =>
      updateSettings(config.dataDir, {
        printer: uri,
        printerProfile: profileId as TillConfig['printerProfile'],
        printerFont: font,
      }),
  });
  const setup = createGatewaySetup({
    dataDir: config.dataDir,
    keys,
    audit: repos.audit,
    clock,
    actor: () => config.cashier,
    running: { mode: config.gatewayMode, reason: config.gatewayReason },
  });
  const backups = scheduleBackups(repos.db, config.dataDir, clock, onError);
  const storeTools = createStoreTools({ repos, file: storeFile, backupsDir: backups.dir, clock });
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
    queue,
    drawer,
    actor: config.cashier,
    setup,
    storeTools,
    catalogue: selling.catalogue,
    holds: selling.holds,
    adjust: selling.adjust,
    display: selling.display,
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

  // Nothing is left unfinished by a crash. A dead till's print jobs first (SENDING ones may have
  // printed: INTERRUPTED; the others are adopted), then paid orders without their receipt, then
  // every open payment.
  const printWatch = createPrintWatch({ repos, queue, clock, events });
  const orphans = printWatch.once();
  const missingReceipts = receipts.ensureAll();
  queue.start();
  printWatch.start(knobs.printOrphansMs);
  // At start-up a printer that does not answer is on the screen (header), not only in the log.
  void queue.checkPrinter().then((h) => {
    if (h.state !== 'ready') log.warn({ printer: printer.uri, health: h }, 'printer not ready');
  }, onError);
  const reconciler = createReconciler({
    repos,
    engine,
    refunds,
    clock,
    query: (clientSn) => gw.gateway.query({ clientSn }),
    onError,
  });
  // Setup mode has no acquirer to ask: unfinished payments wait for one (never guessed at).
  if (config.gatewayMode !== 'setup') reconciler.start(knobs.reconcileMs);
  sync.start();
  log.info(
    {
      missingReceipts,
      orphans,
      printer: printer.uri,
      gateway: gw.gateway.name,
      mode: config.gatewayMode,
      why: config.gatewayReason,
      flavour: config.flavour,
      keyStore: keys.protection,
    },
    'host started',
  );

  return {
    config,
    repos,
    events,
    handlers: guardSetupMode(handlers, () => config.gatewayMode),
    info,
    lock,
    engine,
    log,
    sandbox: gw.sandbox,
    virtualPrinter: printer.virtual,
    onError,
    reconciler,
    display: selling.display,
    sync,
    async close(): Promise<void> {
      selling.display.close();
      reconciler.stop();
      await sync.close();
      printWatch.stop();
      queue.stop();
      await queue.idle();
      await backups.stop();
      await gw.sandbox?.close();
      await printer.virtual?.close();
      repos.db.close();
      log.flush();
      lock.release();
    },
  };
}
export type Host = Awaited<ReturnType<typeof startHost>>;
