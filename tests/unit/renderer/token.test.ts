import { describe, expect, it } from 'vitest';
import { TOKEN_KEY, takeKioskToken } from '../../../renderer/src/api/token';

function env(hash: string, stored: string | null = null) {
  const store = new Map<string, string>(stored ? [[TOKEN_KEY, stored]] : []);
  const urls: string[] = [];
  return {
    urls,
    store,
    location: { hash, pathname: '/', search: '' },
    storage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    },
    history: {
      replaceState: (_d: unknown, _t: string, url?: string | URL | null) =>
        void urls.push(String(url)),
    },
  };
}

describe('kiosk token', () => {
  it('takes the token from the hash once, keeps it per tab and clears it from the URL', () => {
    const e = env('#token=abc123');
    expect(takeKioskToken(e)).toBe('abc123');
    expect(e.store.get(TOKEN_KEY)).toBe('abc123');
    expect(e.urls).toEqual(['/']);
  });

  it('after a reload (no hash) uses the kept token and leaves the URL alone', () => {
    const e = env('', 'kept');
    expect(takeKioskToken(e)).toBe('kept');
    expect(e.urls).toEqual([]);
  });

  it('has no token when neither is there', () => {
    expect(takeKioskToken(env('#other=1'))).toBeNull();
  });
});
