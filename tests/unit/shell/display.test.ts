import { describe, expect, it, vi } from 'vitest';
import { createAccess } from '../../../electron/api/access';
import { createEventBus } from '../../../electron/api/events';
import type { Handlers } from '../../../electron/api/handlers';
import { VIEW_CHANNELS } from '../../../shared/channels';

vi.mock('electron', () => ({}));
const { customerDisplayBounds, displayWindowOptions } =
  await import('../../../electron/shell/display');
const { registerIpc, forwardEvents, viewEventsOnly, EVENT_CHANNEL } =
  await import('../../../electron/shell/ipc');

describe('customer display window (Electron)', () => {
  const primary = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } };
  const second = { id: 2, bounds: { x: 1366, y: 0, width: 800, height: 600 } };

  it('goes on the display that is not the cashier’s, and only when there is one', () => {
    expect(customerDisplayBounds([primary], 1)).toBeNull();
    expect(customerDisplayBounds([primary, second], 1)).toEqual(second.bounds);
    expect(customerDisplayBounds([second, primary], 1)).toEqual(second.bounds);
  });

  it('keeps the production web preferences, full screen, without taking the keyboard', () => {
    const o = displayWindowOptions('/app/preload.cjs', second.bounds);
    expect(o).toMatchObject({ ...second.bounds, fullscreen: true, focusable: false, frame: false });
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
  });

  it('lets the display window call display.state only, and hear display.updated only', async () => {
    const registered = new Map<string, (e: unknown, p: unknown) => Promise<unknown>>();
    const handlers = {
      'sale.scan': vi.fn(() => ({ orderId: 'o' })),
      'display.state': vi.fn(() => ({ phase: 'idle' })),
    } as unknown as Handlers;
    // The real access check, with a cashier signed in (as shell.test.ts): the display's
    // refusal is the shell's own, before any permission.
    const access = createAccess({
      session: { user: () => ({ userId: '1001', name: '王芳', role: 'cashier' }) } as never,
      staff: { setupRequired: () => false } as never,
    });
    registerIpc(
      { handle: (c: string, f: never) => registered.set(c, f), removeHandler: vi.fn() },
      { handlers, access },
      (id) => id === 7,
    );
    const display = { senderFrame: { url: 'app://till/index.html#display' }, sender: { id: 7 } };
    const till = { senderFrame: { url: 'app://till/index.html' }, sender: { id: 3 } };
    const scan = registered.get('till:sale.scan')!;
    expect(await scan(display, { barcode: '6921000100009' })).toMatchObject({
      ok: false,
      error: { code: 'VIEW_ONLY' },
    });
    expect(handlers['sale.scan']).not.toHaveBeenCalled();
    expect(await scan(till, { barcode: '6921000100009' })).toMatchObject({ ok: true });
    expect(await registered.get('till:display.state')!(display, {})).toMatchObject({ ok: true });
    for (const c of registered.keys()) {
      const name = c.slice('till:'.length);
      if ((VIEW_CHANNELS as readonly string[]).includes(name)) continue;
      expect(await registered.get(c)!(display, {})).toMatchObject({ error: { code: 'VIEW_ONLY' } });
    }

    const events = createEventBus();
    const send = vi.fn();
    forwardEvents(events, () => ({ send, isDestroyed: () => false }) as never, viewEventsOnly);
    events.emit('payment.updated', { paymentId: 'p' } as never);
    events.emit('display.updated', { phase: 'paid' } as never);
    expect(send.mock.calls).toEqual([[EVENT_CHANNEL, 'display.updated', { phase: 'paid' }]]);
  });
});
