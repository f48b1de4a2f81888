import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/channels';
import { createEventBus } from '../../../electron/api/events';
import type { Handlers } from '../../../electron/api/handlers';
import { createAccess } from '../../../electron/api/access';

// The Electron module is mocked: the shell is tested for what it asks of Electron.
const exposed: Record<string, unknown> = {};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: vi.fn(async (...args: unknown[]) => args),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));

const { windowOptions } = await import('../../../electron/shell/window');
const { isAppUrl, lockDownContents, lockDownSession } =
  await import('../../../electron/shell/security');
const { registerIpc, forwardEvents, EVENT_CHANNEL } = await import('../../../electron/shell/ipc');
const { buildApi } = await import('../../../electron/shell/preload');

describe('Electron window security', () => {
  it('uses the production web preferences', () => {
    const w = windowOptions('/app/preload.cjs').webPreferences;
    expect(w).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
    });
  });

  it.each([
    ['app://till/index.html', true],
    ['app://till/', true],
    ['app://evil/index.html', false],
    ['https://till/index.html', false],
    ['file:///etc/passwd', false],
    ['app://till.evil.com/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('isAppUrl(%s) = %s', (url, allowed) => expect(isAppUrl(url)).toBe(allowed));

  it('blocks navigation away, new windows, webviews and permission requests', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    lockDownContents(contents as never);
    const nav = { preventDefault: vi.fn() };
    contents.emit('will-navigate', nav, 'https://evil.example/');
    expect(nav.preventDefault).toHaveBeenCalled();
    const ok = { preventDefault: vi.fn() };
    contents.emit('will-navigate', ok, 'app://till/index.html');
    expect(ok.preventDefault).not.toHaveBeenCalled();
    const web = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', web);
    expect(web.preventDefault).toHaveBeenCalled();
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as () => { action: string };
    expect(handler()).toEqual({ action: 'deny' });

    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    lockDownSession(session as never);
    const cb = vi.fn();
    (
      session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
        c: unknown,
        p: string,
        cb: (v: boolean) => void,
      ) => void
    )(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
  });
});

describe('preload surface', () => {
  it('exposes one frozen object: a method per contract channel and on()', () => {
    vi.stubGlobal('process', { ...process, contextIsolated: true });
    const ipc = {
      invoke: vi.fn(async () => ({ ok: true, value: 1 })),
      on: vi.fn(),
      removeListener: vi.fn(),
    };
    const api = buildApi(ipc as never) as Record<string, (x?: unknown) => unknown>;
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    void api['sale.scan']!({ barcode: '1' });
    expect(ipc.invoke).toHaveBeenCalledWith('till:sale.scan', { barcode: '1' });
    expect('invoke' in api || 'send' in api || 'ipcRenderer' in api).toBe(false);
  });

  it('delivers only the subscribed event and refuses unknown event names', () => {
    const ipc = Object.assign(new EventEmitter(), { invoke: vi.fn() });
    const api = buildApi(ipc as never) as unknown as {
      on: (e: string, l: (p: unknown) => void) => () => void;
    };
    const got: unknown[] = [];
    const off = api.on('payment.updated', (p) => got.push(p));
    ipc.emit(EVENT_CHANNEL, {}, 'sale.updated', { a: 1 });
    ipc.emit(EVENT_CHANNEL, {}, 'payment.updated', { b: 2 });
    off();
    ipc.emit(EVENT_CHANNEL, {}, 'payment.updated', { c: 3 });
    expect(got).toEqual([{ b: 2 }]);
    expect(ipc.listenerCount(EVENT_CHANNEL)).toBe(0);
    api.on('anything', () => got.push('x'));
    expect(ipc.listenerCount(EVENT_CHANNEL)).toBe(0);
  });
});

describe('IPC binding', () => {
  const handlers = {
    'sale.scan': vi.fn(() => ({ orderId: 'o' })),
    'printer.configure': vi.fn(() => ({})),
  } as unknown as Handlers;
  // The same permission check as the kiosk binding, with a cashier signed in.
  const access = createAccess({
    session: { user: () => ({ userId: '1001', name: '王芳', role: 'cashier' }) } as never,
    staff: { setupRequired: () => false } as never,
  });

  it('registers one handler per channel, refuses foreign frames, parses payloads', async () => {
    const registered = new Map<string, (e: unknown, p: unknown) => Promise<unknown>>();
    const ipcMain = {
      handle: vi.fn((c: string, f: never) => registered.set(c, f)),
      removeHandler: vi.fn(),
    };
    const dispose = registerIpc(ipcMain, { handlers, access });
    expect([...registered.keys()].sort()).toEqual(CHANNELS.map((c) => `till:${c}`).sort());
    const scan = registered.get('till:sale.scan')!;
    const fromApp = { senderFrame: { url: 'app://till/index.html' } };
    expect(
      await scan({ senderFrame: { url: 'https://evil.example/' } }, { barcode: '1' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    expect(await scan(fromApp, { barcode: 5 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await scan(fromApp, { barcode: '6921000100009' })).toEqual({
      ok: true,
      value: { orderId: 'o' },
    });
    // A cashier may not configure the printer over IPC either; the handler is never reached.
    const configure = registered.get('till:printer.configure')!;
    expect(await configure(fromApp, { uri: 'none' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', need: { roles: ['technician', 'supervisor'] } },
    });
    expect(handlers['printer.configure']).not.toHaveBeenCalled();
    dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledTimes(CHANNELS.length);
  });

  it('forwards host events to a live window only', () => {
    const events = createEventBus();
    const send = vi.fn();
    let destroyed = false;
    forwardEvents(events, () => ({ send, isDestroyed: () => destroyed }) as never);
    events.emit('print.updated', { jobId: 'j' } as never);
    destroyed = true;
    events.emit('print.updated', { jobId: 'k' } as never);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith(EVENT_CHANNEL, 'print.updated', { jobId: 'j' });
  });
});
