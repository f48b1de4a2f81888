import type { IpcMain, WebContents } from 'electron';
import { CHANNELS } from '../../shared/channels';
import type { EventBus } from '../api/events';
import { dispatch, type Boundary } from '../api/dispatch';
import { isAppUrl } from './security';

export const IPC_PREFIX = 'till:';
export const EVENT_CHANNEL = 'till:event';

/**
 * The Electron binding of the contract: one ipcMain handler per channel, each answering with a
 * result envelope. Calls from any frame that is not our app page are refused; the rest go
 * through the same permission check as the kiosk binding (dispatch).
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  boundary: Boundary,
): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, (event, payload: unknown) => {
      if (!isAppUrl(event.senderFrame?.url ?? '')) {
        return {
          ok: false,
          error: { code: 'UNAUTHORIZED', message: 'not the till page', messageZh: '非收银页面' },
        };
      }
      return dispatch(boundary, channel, payload);
    });
  }
  return () => CHANNELS.forEach((c) => ipcMain.removeHandler(`${IPC_PREFIX}${c}`));
}

/** Host events go to the window as one channel; the preload fans them out by name. */
export function forwardEvents(events: EventBus, target: () => WebContents | null): () => void {
  return events.subscribe((event, payload) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
  });
}
