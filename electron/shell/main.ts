import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  net,
  protocol,
  safeStorage,
  screen,
  session,
} from 'electron';
import { join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { explainStartFailure } from '../host/cli/messages';
import { dataDirOf, loadConfig } from '../host/config';
import { EDITION } from '../host/edition';
import { startHost } from '../host/host';
import { openKeyStore } from '../host/keys/keyStore';
import { listBackups, restoreBackup } from '../store/backup';
import { StoreError } from '../store/failures';
import { nativeBindingPath } from '../store/native';
import { customerDisplayBounds, DISPLAY_PATH, displayWindowOptions } from './display';
import { forwardEvents, registerIpc, viewEventsOnly } from './ipc';
import { safeStorageCipher } from './keys';
import { APP_ORIGIN, applySecurity, lockDownSession } from './security';
import { windowOptions } from './window';

/** The Electron shell: wiring only. Every rule lives in the host services. */
const appRoot = resolve(__dirname, '..', '..');
const rendererDir = join(appRoot, 'dist', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
applySecurity(app);
if (!process.env.TILL_DATA_DIR) process.env.TILL_DATA_DIR = join(app.getPath('userData'), 'data');

// One till window per machine user; the data-folder lock (host/lock.ts) covers every other way in.
if (!app.requestSingleInstanceLock()) {
  console.error('收银台已在运行。 The till is already running.');
  app.exit(2);
}

async function main(): Promise<void> {
  await app.whenReady();
  // A packaged development build would default to the sandbox in a shop: never run one.
  if (app.isPackaged && EDITION.flavour === 'dev')
    throw new Error(
      'This package holds a development build; package the till with `npm run dist`.',
    );
  lockDownSession(session.defaultSession);
  // Serves only the built renderer, GET only, from app://till/ — never the file system at large.
  protocol.handle('app', (request) => {
    const url = new URL(request.url);
    const file = normalize(
      join(rendererDir, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)),
    );
    if (request.method !== 'GET' || url.host !== 'till' || !file.startsWith(rendererDir + sep)) {
      return new Response('not found', { status: 404 });
    }
    return net.fetch(pathToFileURL(file).toString());
  });

  const dataDir = dataDirOf(process.env);
  const cipher = safeStorageCipher(safeStorage);
  const keys = openKeyStore(dataDir, cipher ?? undefined);
  const host = await startHost(loadConfig(process.env, keys), {
    appRoot,
    version: app.getVersion(),
    nativeBinding: nativeBindingPath(appRoot),
    keys,
  });
  const preload = join(__dirname, 'preload.cjs');
  const win = new BrowserWindow(windowOptions(preload));
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  let display: BrowserWindow | null = null;
  const live = (w: BrowserWindow | null) => (w && !w.isDestroyed() ? w.webContents : null);
  registerIpc(ipcMain, host.boundary, (id) => id === live(display)?.id);
  forwardEvents(host.events, () => live(win));
  forwardEvents(host.events, () => live(display), viewEventsOnly);
  win.once('ready-to-show', () => win.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);

  // 客显: on a second screen when there is one, now or when one is plugged in.
  const openDisplay = () => {
    if (host.config.customerDisplay === 'off' || live(display)) return;
    const bounds = customerDisplayBounds(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
    if (!bounds) return;
    display = new BrowserWindow(displayWindowOptions(preload, bounds));
    display.once('ready-to-show', () => display?.showInactive());
    void display.loadURL(`${APP_ORIGIN}${DISPLAY_PATH}`);
  };
  openDisplay();
  screen.on('display-added', openDisplay);
  screen.on('display-removed', () => {
    if (display && !customerDisplayBounds(screen.getAllDisplays(), screen.getPrimaryDisplay().id))
      display.destroy();
  });
  win.on('closed', () => display?.destroy());
  app.on('window-all-closed', () => {
    void host.close().finally(() => app.quit());
  });
}

/** A store that cannot open: say what happened; for a damaged one, offer the newest backup. */
function failed(err: unknown): void {
  const dataDir = dataDirOf(process.env);
  const { text, code } = explainStartFailure(err, dataDir);
  console.error(text);
  const backup = listBackups(join(dataDir, 'backups'))[0];
  const offer = err instanceof StoreError && err.problem === 'DAMAGED' && backup;
  const choice = dialog.showMessageBoxSync({
    type: 'error',
    title: 'Till 收银台',
    message: text.split('\n')[0] ?? text,
    detail: text,
    buttons: offer ? ['使用最近的备份 Restore the latest backup', '退出 Quit'] : ['退出 Quit'],
    defaultId: offer ? 1 : 0,
    cancelId: offer ? 1 : 0,
  });
  if (offer && choice === 0) {
    restoreBackup(dataDir, backup.file, Date.now());
    app.relaunch();
    app.exit(0);
    return;
  }
  app.exit(code);
}

main().catch(failed);
