import { generateKeyPairSync, randomBytes } from 'node:crypto';

export interface WechatCredentials {
  appId: string;
  mchId: string;
  /** The v2 API key both sides sign with. */
  apiKey: string;
}

/** Two RSA2 key pairs: the app's (it signs requests) and "Alipay's" (the sandbox signs replies). */
export interface AlipayCredentials {
  appId: string;
  appPrivateKeyPem: string;
  appPublicKeyPem: string;
  alipayPrivateKeyPem: string;
  alipayPublicKeyPem: string;
}

export function newWechatCredentials(over: Partial<WechatCredentials> = {}): WechatCredentials {
  return {
    appId: 'wx' + randomBytes(8).toString('hex'),
    mchId: '1900000109',
    apiKey: randomBytes(16).toString('hex'),
    ...over,
  };
}

function rsaPair(): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

/** RSA key generation costs ~100 ms; one set per process is plenty for a loopback sandbox. */
let cached: Omit<AlipayCredentials, 'appId'> | undefined;

export function alipayKeys(): Omit<AlipayCredentials, 'appId'> {
  if (!cached) {
    const app = rsaPair();
    const ali = rsaPair();
    cached = {
      appPrivateKeyPem: app.privateKey,
      appPublicKeyPem: app.publicKey,
      alipayPrivateKeyPem: ali.privateKey,
      alipayPublicKeyPem: ali.publicKey,
    };
  }
  return cached;
}
