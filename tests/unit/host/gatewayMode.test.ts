import { describe, expect, it } from 'vitest';
import { decideGateway, type GatewayFacts } from '../../../electron/host/gatewayMode';

const facts = (over: Partial<GatewayFacts>): GatewayFacts => ({
  settings: undefined,
  missingSecrets: [],
  env: undefined,
  flavour: 'production',
  sandboxBuilt: false,
  ...over,
});
const upay = { protocol: 'upay' };

describe('live or sandbox, decided by configuration (one function)', () => {
  it.each<[string, Partial<GatewayFacts>, string]>([
    // Credentials mean live, whatever the environment or the build says.
    ['credentials, no environment (desktop icon)', { settings: upay }, 'live'],
    ['credentials + TILL_GATEWAY=sandbox', { settings: upay, env: 'sandbox' }, 'live'],
    [
      'credentials on a dev checkout',
      { settings: upay, flavour: 'dev', sandboxBuilt: true },
      'live',
    ],
    [
      'credentials in a demo build',
      { settings: upay, flavour: 'demo', sandboxBuilt: true },
      'live',
    ],
    ['credentials + TILL_GATEWAY=<url>', { settings: upay, env: 'https://gw.example' }, 'live'],
    // Credentials whose key is missing: not live, and never the sandbox either.
    [
      'credentials without their key',
      { settings: upay, missingSecrets: ['terminalKey'], flavour: 'dev', sandboxBuilt: true },
      'setup',
    ],
    // The sandbox only when asked for…
    [
      'settings "sandbox" (dev)',
      { settings: 'sandbox', flavour: 'dev', sandboxBuilt: true },
      'sandbox',
    ],
    [
      'TILL_GATEWAY=sandbox (dev)',
      { env: 'sandbox', flavour: 'dev', sandboxBuilt: true },
      'sandbox',
    ],
    ['a demo build', { flavour: 'demo', sandboxBuilt: true }, 'sandbox'],
    // …or a development checkout with nothing configured.
    ['dev checkout, nothing configured', { flavour: 'dev', sandboxBuilt: true }, 'sandbox'],
    // A shop build with nothing configured takes no payments.
    ['shop build, nothing configured', {}, 'setup'],
    ['shop build asked for the sandbox it does not carry', { env: 'sandbox' }, 'setup'],
    ['shop build, settings "sandbox"', { settings: 'sandbox' }, 'setup'],
    [
      'an acquirer URL without credentials',
      { env: 'https://gw.example', flavour: 'dev', sandboxBuilt: true },
      'setup',
    ],
  ])('%s → %s', (_name, over, mode) => {
    const choice = decideGateway(facts(over));
    expect(choice.mode).toBe(mode);
    expect(choice.reason.length).toBeGreaterThan(10);
  });

  it('says why, and takes the acquirer address from TILL_GATEWAY', () => {
    expect(decideGateway(facts({ settings: upay, env: 'sandbox' })).reason).toMatch(
      /TILL_GATEWAY=sandbox ignored/,
    );
    expect(decideGateway(facts({ settings: upay, env: ' https://gw.example ' }))).toMatchObject({
      mode: 'live',
      urlOverride: 'https://gw.example',
    });
    expect(
      decideGateway(facts({ settings: upay, missingSecrets: ['terminalKey'] })).reason,
    ).toMatch(/npm run keys -- set terminalKey/);
    expect(decideGateway(facts({ env: 'sandbox' })).reason).toMatch(/no sandbox/);
  });
});
