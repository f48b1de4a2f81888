import type { App, Session, WebContents } from 'electron';

/** Only our own app:// pages may be shown; everything else is refused (Electron security checklist). */
export const APP_ORIGIN = 'app://till';

export function isAppUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'app:' && url.host === 'till';
  } catch {
    return false;
  }
}

export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function applySecurity(app: App): void {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
}
