import type { EventName } from '../../shared/channels';
import type { EventPayload } from '../../shared/contract';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Host → UI events. Services emit; the Electron and kiosk bindings forward. */
export function createEventBus() {
  const listeners = new Set<EventListener>();
  return {
    emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
      for (const l of listeners) {
        try {
          l(event, payload);
        } catch {
          // A broken subscriber (a closed window) must never stop a payment.
        }
      }
    },
    subscribe(listener: EventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type EventBus = ReturnType<typeof createEventBus>;
