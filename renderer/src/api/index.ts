import type { TillApi } from '../../../shared/contract';
import { createKioskApi } from './kiosk';
import { takeKioskToken, takeViewToken } from './token';

let api: TillApi | null = null;

/**
 * The only way to the host: the Electron preload's object, or the kiosk HTTP client.
 * `onReconnect`: kiosk mode only, called when the event stream is back after a break.
 */
export function getApi(onReconnect?: () => void): TillApi {
  if (api) return api;
  if (window.till) {
    api = window.till;
  } else {
    const token = takeKioskToken({ location, storage: sessionStorage, history });
    api = createKioskApi({ baseUrl: '', token, ...(onReconnect ? { onReconnect } : {}) });
  }
  return api;
}

/** The customer display's API: the same contract, with the view-only token in kiosk mode. */
export function getDisplayApi(): TillApi {
  if (window.till) return window.till;
  const token = takeViewToken({ location, storage: sessionStorage, history });
  return createKioskApi({ baseUrl: '', token });
}

export { createKioskApi } from './kiosk';
export { isDisplayPage, takeKioskToken, takeViewToken } from './token';
