import type { TillApi } from '../../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge; absent in kiosk/browser mode. */
    till?: TillApi;
  }
}

export {};
