import { useEffect, useState, type RefObject } from 'react';

/** Screen-wide keys (F1, Esc, ↑/↓…): a scanner and a keyboard are all a till has. */
export function useKeys(handler: (e: KeyboardEvent) => void) {
  useEffect(() => {
    window.addEventListener('keydown', handler);
    return () => window.removeEventListener('keydown', handler);
  }, [handler]);
}

/** Fired when a dialog that held the focus closes: the screen's own field takes it back. */
export const REFOCUS = 'till-refocus';

/** The scan field never loses focus: clicks on buttons or the page hand it straight back. */
export function useKeepFocus(ref: RefObject<HTMLInputElement | null>, enabled = true) {
  useEffect(() => {
    if (!enabled) return;
    const input = ref.current;
    if (!input) return;
    input.focus();
    // A dialog that owns its own fields (主管授权) keeps the focus while it is open.
    const owned = () => (document.activeElement?.closest('[data-own-focus]') ?? null) !== null;
    const back = () =>
      setTimeout(() => enabled && input.isConnected && !owned() && input.focus(), 0);
    input.addEventListener('blur', back);
    // …and hands it back when it closes.
    window.addEventListener(REFOCUS, back);
    return () => {
      input.removeEventListener('blur', back);
      window.removeEventListener(REFOCUS, back);
    };
  }, [ref, enabled]);
}

/** Wall-clock time that ticks every `ms`, for countdowns. */
export function useNow(ms = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

/** Keeps a button from taking focus away from the scan field when clicked. */
export const keepFocus = (e: { preventDefault(): void }) => e.preventDefault();
