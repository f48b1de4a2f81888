import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, isEventName, type Channel, type EventName } from '../../shared/channels';

/**
 * The one narrow object the page gets: a method per contract channel and a typed `on` for the
 * contract's events. No ipcRenderer, no arbitrary channel names.
 */
export function buildApi(ipc: Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>) {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    api[channel] = (input: unknown) => ipc.invoke(`till:${channel satisfies Channel}`, input ?? {});
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!isEventName(event) || typeof listener !== 'function') return () => undefined;
    const wrapped = (_e: unknown, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipc.on('till:event', wrapped);
    return () => ipc.removeListener('till:event', wrapped);
  };
  return Object.freeze(api);
}

if (process.contextIsolated) contextBridge.exposeInMainWorld('till', buildApi(ipcRenderer));
