import type { BrowserWindowConstructorOptions, Display, Rectangle } from 'electron';
import { windowOptions } from './window';

/**
 * The customer display (客显): Chinese tills have a second screen facing the customer. It gets
 * a second window, full screen on the display that is not the cashier's, showing the page's
 * read-only view (the IPC binding lets that window call nothing but display.state).
 */
export function customerDisplayBounds(
  displays: readonly Pick<Display, 'id' | 'bounds'>[],
  primaryId: number,
): Rectangle | null {
  return displays.find((d) => d.id !== primaryId)?.bounds ?? null;
}

export function displayWindowOptions(
  preloadPath: string,
  bounds: Rectangle,
): BrowserWindowConstructorOptions {
  const base = windowOptions(preloadPath);
  return {
    ...base,
    ...bounds,
    minWidth: 0,
    minHeight: 0,
    fullscreen: true,
    frame: false,
    // The cashier's keyboard and scanner stay with the till's window.
    focusable: false,
    skipTaskbar: true,
    title: '客显 Customer display',
  };
}

/** The page the display window loads: the same app, in its view-only mode. */
export const DISPLAY_PATH = '/index.html#display';
