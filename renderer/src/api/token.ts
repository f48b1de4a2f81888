/** Where the kiosk token lives: it arrives once in the URL hash and is then kept per tab. */
export const TOKEN_KEY = 'till.token';

export interface TokenEnv {
  location: { hash: string; pathname: string; search: string };
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  history: Pick<History, 'replaceState'>;
}

/** Reads `#token=…` once, keeps it in sessionStorage and removes it from the visible URL. */
export function takeKioskToken(env: TokenEnv): string | null {
  const params = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const fromHash = params.get('token');
  if (fromHash) {
    env.storage.setItem(TOKEN_KEY, fromHash);
    env.history.replaceState(null, '', env.location.pathname + env.location.search);
    return fromHash;
  }
  return env.storage.getItem(TOKEN_KEY);
}

/** The customer display's view-only token: `#view=…` once, then kept per tab like the till's. */
export const VIEW_TOKEN_KEY = 'till.view';

export function takeViewToken(env: TokenEnv): string | null {
  const params = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const fromHash = params.get('view');
  if (fromHash) {
    env.storage.setItem(VIEW_TOKEN_KEY, fromHash);
    env.history.replaceState(null, '', `${env.location.pathname}${env.location.search}#display`);
    return fromHash;
  }
  return env.storage.getItem(VIEW_TOKEN_KEY);
}

/** The page is the customer display: Electron's second window (#display) or a view link. */
export const isDisplayPage = (hash: string): boolean => /(^#|&)(display|view=)/.test(hash);
