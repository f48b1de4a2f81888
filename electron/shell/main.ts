import { app, BrowserWindow, ipcMain, net, protocol, screen, session } from 'electron';
import { join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig } from '../host/config';
import { startHost } from '../host/host';
import { nativeBindingPath } from '../store/native';
import { customerDisplayBounds, DISPLAY_PATH, displayWindowOptions } from './display';
import { forwardEvents, registerIpc, viewEventsOnly } from './ipc';
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

async function main(): Promise<void> {
  await app.whenReady();
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

  const host = await startHost(loadConfig(), {
    appRoot,
    version: app.getVersion(),
    nativeBinding: nativeBindingPath(appRoot),
  });
  const preload = join(__dirname, 'preload.cjs');
  const win = new BrowserWindow(windowOptions(preload));
  let display: BrowserWindow | null = null;
  const live = (w: BrowserWindow | null) => (w && !w.isDestroyed() ? w.webContents : null);
  registerIpc(ipcMain, host.handlers, host.onError, (id) => id === live(display)?.id);
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

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? `Configuration error: ${err.message}` : err);
  app.exit(1);
});
