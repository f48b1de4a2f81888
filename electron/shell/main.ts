import { app, BrowserWindow, ipcMain, net, protocol, session } from 'electron';
import { join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig } from '../host/config';
import { startHost } from '../host/host';
import { nativeBindingPath } from '../store/native';
import { forwardEvents, registerIpc } from './ipc';
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
  const win = new BrowserWindow(windowOptions(join(__dirname, 'preload.cjs')));
  registerIpc(ipcMain, host.boundary);
  forwardEvents(host.events, () => (win.isDestroyed() ? null : win.webContents));
  win.once('ready-to-show', () => win.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
  app.on('window-all-closed', () => {
    void host.close().finally(() => app.quit());
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? `Configuration error: ${err.message}` : err);
  app.exit(1);
});
