import type { IpcMain, WebContents } from 'electron';
import { CHANNELS, VIEW_CHANNELS, VIEW_EVENTS, type EventName } from '../../shared/channels';
import { apiError } from '../../shared/errors';
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
  /** The customer display's window: it may call VIEW_CHANNELS only. */
  isViewOnly: (senderId: number) => boolean = () => false,
): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, (event, payload: unknown) => {
      if (!isAppUrl(event.senderFrame?.url ?? '')) {
        return {
          ok: false,
          error: { code: 'UNAUTHORIZED', message: 'not the till page', messageZh: '非收银页面' },
        };
      }
      if (isViewOnly(event.sender?.id ?? -1) && !VIEW_CHANNELS.includes(channel)) {
        return { ok: false, error: apiError('VIEW_ONLY') };
      }
      return dispatch(boundary, channel, payload);
    });
  }
  return () => CHANNELS.forEach((c) => ipcMain.removeHandler(`${IPC_PREFIX}${c}`));
}

/** Host events go to the window as one channel; the preload fans them out by name. */
export function forwardEvents(
  events: EventBus,
  target: () => WebContents | null,
  /** Which events this window hears (the customer display: VIEW_EVENTS only). */
  hears: (event: EventName) => boolean = () => true,
): () => void {
  return events.subscribe((event, payload) => {
    if (!hears(event)) return;
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
  });
}

export const viewEventsOnly = (event: EventName): boolean => VIEW_EVENTS.includes(event);
