import type { Flavour } from './edition';

export type GatewayMode = 'live' | 'sandbox' | 'setup';

export interface GatewayChoice {
  mode: GatewayMode;
  /** Why, in words a technician can act on (shown on the setup screen and at start). */
  reason: string;
  /** TILL_GATEWAY=<url>: the acquirer's address overrides the one in settings. */
  urlOverride?: string;
}

export interface GatewayFacts {
  /** settings.json `gateway`: credentials (protocol named), the word "sandbox", or nothing. */
  settings: { protocol: string } | 'sandbox' | undefined;
  /** Secrets the credentials need but the key store does not hold. */
  missingSecrets: string[];
  /** TILL_GATEWAY as found in the environment. */
  env: string | undefined;
  flavour: Flavour;
  /** Does this build carry the embedded sandbox at all? */
  sandboxBuilt: boolean;
}

/**
 * The one place that decides whether money is real (DESIGN.md "Configuration"). Credentials in
 * settings mean live whatever the environment says; the sandbox runs only when asked for, or on a
 * development checkout with nothing configured; a shop build with nothing configured takes no
 * payments until a supervisor enters the acquirer's details.
 */
export function decideGateway(f: GatewayFacts): GatewayChoice {
  const env = f.env?.trim() || undefined;
  const urlOverride = env && env !== 'sandbox' ? env : undefined;
  if (f.settings && f.settings !== 'sandbox') {
    const what = `settings.json holds ${f.settings.protocol} credentials`;
    if (f.missingSecrets.length > 0)
      return {
        mode: 'setup',
        reason: `${what} but the key store lacks ${f.missingSecrets.join(', ')}: enter it on the setup screen or with \`npm run keys -- set ${f.missingSecrets[0]}\``,
      };
    const ignored = env === 'sandbox' ? ' (TILL_GATEWAY=sandbox ignored)' : '';
    return urlOverride
      ? { mode: 'live', reason: `${what}; TILL_GATEWAY gives the address`, urlOverride }
      : { mode: 'live', reason: `${what}${ignored}` };
  }
  if (urlOverride)
    return {
      mode: 'setup',
      reason: `TILL_GATEWAY=${urlOverride} names an acquirer, but settings.json has no credentials for it`,
    };
  const asked =
    f.settings === 'sandbox'
      ? 'settings.json asks for the sandbox'
      : env === 'sandbox'
        ? 'TILL_GATEWAY=sandbox'
        : f.flavour === 'demo'
          ? 'this is a demo build'
          : f.flavour === 'dev'
            ? 'development checkout with no gateway configured'
            : null;
  if (asked === null) return { mode: 'setup', reason: 'no payment gateway configured yet' };
  if (!f.sandboxBuilt)
    return { mode: 'setup', reason: `${asked}, but this build carries no sandbox` };
  return { mode: 'sandbox', reason: asked };
}
