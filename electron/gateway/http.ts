import { request as httpRequest, type Agent as HttpAgent } from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';
import type { GatewayAnswer } from './types';

/**
 * One POST over node:http(s) for the XML/form adapters. node:https (not fetch) because the
 * WeChat reverse/refund calls need a client certificate, which fetch cannot take as an Agent.
 */

export type PostOutcome =
  { ok: true; status: number; text: string } | { ok: false; answer: GatewayAnswer };

export interface PostOptions {
  /** Bounds the whole exchange, body read included, so a stalled reply still times out. */
  timeoutMs: number;
  /** Used for https URLs only (the client certificate); the plain-HTTP sandbox ignores it. */
  agent?: HttpAgent | HttpsAgent;
  /** Replies larger than this are refused unread: an acquirer reply is a few KB. */
  maxBytes?: number;
}

const unknown = (errorCode: string, errorMessage: string): PostOutcome => ({
  ok: false,
  answer: { outcome: 'UNKNOWN', errorCode, errorMessage },
});

export function postText(
  url: string,
  body: string,
  contentType: string,
  opts: PostOptions,
): Promise<PostOutcome> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  const maxBytes = opts.maxBytes ?? 256 * 1024;
  return new Promise((resolve) => {
    let done = false;
    const finish = (o: PostOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(o);
    };
    const req = send(
      target,
      {
        method: 'POST',
        headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body) },
        ...(secure && opts.agent !== undefined && { agent: opts.agent }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) {
            finish(unknown('BAD_RESPONSE', 'reply too large'));
            req.destroy();
          } else chunks.push(c);
        });
        res.on('end', () =>
          finish({
            ok: true,
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', (err) => finish(networkError(err)));
      },
    );
    const timer = setTimeout(() => {
      finish(unknown('NETWORK_TIMEOUT', `no complete reply within ${opts.timeoutMs} ms`));
      req.destroy();
    }, opts.timeoutMs);
    req.on('error', (err) => finish(networkError(err)));
    req.end(body);
  });
}

function networkError(err: Error): PostOutcome {
  const code = (err as NodeJS.ErrnoException).code;
  return unknown('NETWORK_ERROR', code ? `${code}: ${err.message}` : err.message);
}
