import { useEffect, useState } from 'react';
import type { TillApi } from '../../../shared/contract';
import type { DisplayState } from '../../../shared/selling/schemas';

/** The display follows display.updated; it also asks every few seconds, in case an event is lost. */
export function useDisplayState(api: TillApi, pollMs = 3000): DisplayState | null {
  const [state, setState] = useState<DisplayState | null>(null);
  useEffect(() => {
    let alive = true;
    const load = async () => {
      const r = await api['display.state']({});
      if (alive && r.ok) setState(r.value);
    };
    const off = api.on('display.updated', (s) => setState(s));
    void load();
    const timer = setInterval(() => void load(), pollMs);
    return () => {
      alive = false;
      off();
      clearInterval(timer);
    };
  }, [api, pollMs]);
  return state;
}
