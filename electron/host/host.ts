import { join } from 'node:path';
import { PROFILES } from '../../printer';
import type { AppInfo } from '../../shared/domain';
import { createAccess } from '../api/access';
import { callApprover } from '../api/approver';
import type { Boundary } from '../api/dispatch';
import { createEventBus } from '../api/events';
import { createHandlers, type Handlers } from '../api/handlers';
import { actorId, currentCall } from '../auth/callContext';
import { createSession } from '../auth/session';
import { createStaff } from '../auth/staff';
import { createReportService } from '../reports/service';
import { createShiftService } from '../shifts/service';
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
import { createTemplateSource } from '../receipts/template';
import { createRecovery } from '../recovery';
import { createOrderDetail } from '../services/orderDetail';
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
import { tableVersion } from '../sync/pull';
import { syncReportLines } from '../sync/report';
import { USERS_VERSION_KEY } from '../sync/sharedUsers';
import { storeDayOf } from '../sync/storeReport';

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
    repos = openRepos(storeFile, {
      nativeBinding: opts.nativeBinding,
      // Every audit row a call writes carries the supervisor who approved that call, if any.
      auditContext: () => ({ approver: currentCall()?.approver?.userId ?? null }),
    });
  } catch (err) {
    lock.release();
    throw err;
  }
  const events = createEventBus();
  const gw = await setUpGateway(config, EDITION.demo, knobs.timeScale);
  /** Live vs sandbox, read in one place (issue 10 decides it by configuration). */
  const sandbox = (): boolean => gw.gateway.sandbox;
  /** 工号 of the signed-in user making the call in progress ('system' outside any call). */
  const actor = actorId;
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
    actor,
    // The printer answered the drawer: receipts waiting for it need not wait for the next poll.
    onResult: (r) => {
      if (r.ok && queue.health().state !== 'ready') queue.recheck();
    },
  });
  const template = createTemplateSource(config.receiptTemplate, config.dataDir);
  const receipts = createReceiptService({
    template: () => template().template,
    repos,
    audit: repos.audit,
    dataDir: config.dataDir,
    profile,
    queue,
    clock,
    storeName: config.storeName,
    tillNo: config.tillNo,
    sandbox: gw.gateway.sandbox,
  });
  const reports = createReportService({
    repos,
    queue,
    dataDir: config.dataDir,
    profile,
    clock,
    storeName: config.storeName,
    tillNo: config.tillNo,
    sandbox,
    actor,
    // The store database link is made below; the report asks it only when printed.
    storeDay: config.syncUrl ? (day) => storeDayOf(sync, day) : undefined,
  });
  const shifts = createShiftService({
    repos,
    reports,
    clock,
    events,
    tillNo: config.tillNo,
    actor,
  });
  const keys = opts.keys ?? openKeyStore(config.dataDir);
  const sync = setUpSync({
    syncUrl: config.syncUrl,
    tillNo: config.tillNo,
    password: () => keys.get('sync.password') ?? null,
    repos,
    sandbox,
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
    actor,
    shift: () => shifts.forPayment(),
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
  const refunds = createRefundService({
    repos,
    gateway: gw.gateway,
    clock,
    actor,
    shift: () => shifts.openId(),
  });
  const staff = createStaff({ repos, clock, sandbox, actor });
  const session = createSession({ staff, repos, clock, events, sandbox });
  await staff.ensureDemoUsers();
  const selling = setUpSelling({
    config,
    repos,
    clock,
    events,
    appRoot: opts.appRoot,
    sandbox: gw.gateway.sandbox,
    actor,
    approve: callApprover,
  });
  const { sales } = selling;

  const info = (): AppInfo => ({
    storeName: config.storeName,
    cashier: session.user()?.name ?? '',
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
    actor,
    reportLines: () =>
      syncReportLines(sync.status(), repos.catalogue.info(), {
        version: tableVersion(repos.db, USERS_VERSION_KEY),
        users: repos.users.count(),
        active: repos.users.list().filter((u) => u.active).length,
      }),
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
    actor,
    running: { mode: config.gatewayMode, reason: config.gatewayReason },
  });
  const backups = scheduleBackups(repos.db, config.dataDir, clock, onError);
  const storeTools = createStoreTools({ repos, file: storeFile, backupsDir: backups.dir, clock });
  const detail = createOrderDetail(repos, receipts, (orderId) => refunds.summary(orderId));
  // Other tills' orders, through the store database, for look-ups, search, reprints and refunds.
  const crossTill = sync.enabled
    ? createCrossTill({
        link: sync,
        storeName: config.storeName,
        profile,
        queue,
        audit: repos.audit,
        gateway: gw.gateway,
        clock,
        staffName: (id) => {
          const u = repos.users.get(id);
          return u ? `${u.name} ${u.userId}` : id;
        },
      })
    : null;
  const recovery = createRecovery({
    repos,
    store: crossTill,
    engine,
    refunds,
    gateway: gw.gateway,
    clock,
    events,
    dataDir: config.dataDir,
    actor,
    detail,
    template,
    printerStatus: () => technician.status(),
  });
  const handlers: Handlers = createHandlers({
    recovery,
    detail,
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
    actor,
    setup,
    storeTools,
    session,
    staff,
    shifts,
    reports,
    clock,
    catalogue: selling.catalogue,
    holds: selling.holds,
    adjust: selling.adjust,
    display: selling.display,
    sync,
    crossTill,
  });
  const guarded = guardSetupMode(handlers, () => config.gatewayMode);
  // The one boundary both bindings use: who may make each call is decided here.
  const boundary: Boundary = {
    handlers: guarded,
    access: createAccess({ session, staff }),
    onInternalError: onError,
  };

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
    handlers: guarded,
    boundary,
    session,
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
