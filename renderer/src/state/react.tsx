import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { TillStore } from './store';
import type { All } from './types';

const StoreContext = createContext<TillStore | null>(null);

export function TillProvider({ store, children }: { store: TillStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** Only the functions of the store: they never change, so reading them never re-renders. */
export type Actions = {
  [K in keyof All as All[K] extends (...args: never[]) => unknown ? K : never]: All[K];
};

export function useActions(): Actions {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useActions outside <TillProvider>');
  return store.getState();
}

/** Reads one value from the store; pick small slices so screens re-render only when needed. */
export function useTill<T>(selector: (state: All) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useTill outside <TillProvider>');
  return useStore(store, selector);
}
