import type { TillApi } from '../../../shared/contract';
import { createKioskApi } from './kiosk';
import { takeKioskToken } from './token';

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

export { createKioskApi } from './kiosk';
export { takeKioskToken } from './token';
