import type { GatewayAnswer } from '../types';
import { yuanToFen } from './money';
import { extractSignedText, rsa2Verify } from './sign';
import { AliBodySchema, AliEnvelopeSchema, type AliBody } from './wire';

export interface AliExpectation {
  outTradeNo?: string;
  tradeNo?: string;
  totalFen?: number;
}

export type AliChecked = { ok: true; body: AliBody } | { ok: false; answer: GatewayAnswer };

const unknown = (errorCode: string, errorMessage: string): AliChecked => ({
  ok: false,
  answer: { outcome: 'UNKNOWN', errorCode, errorMessage },
});

function mismatch(b: AliBody, want: AliExpectation): string | undefined {
  if (
    want.outTradeNo !== undefined &&
    b.out_trade_no !== undefined &&
    b.out_trade_no !== want.outTradeNo
  ) {
    return 'out_trade_no';
  }
  if (want.tradeNo !== undefined && b.trade_no !== undefined && b.trade_no !== want.tradeNo)
    return 'trade_no';
  if (
    want.totalFen !== undefined &&
    b.total_amount !== undefined &&
    yuanToFen(b.total_amount) !== want.totalFen
  ) {
    return 'total_amount';
  }
  return undefined;
}

/**
 * Raw reply → a verified business body. We verify the signature over the raw response text
 * and then parse THAT text, never the whole document: a duplicate key elsewhere in the
 * envelope cannot smuggle in an unsigned body (JSON.parse keeps the last duplicate).
 */
export function checkAlipayReply(
  status: number,
  raw: string,
  responseKey: string,
  alipayPublicKeyPem: string,
  want: AliExpectation,
): AliChecked {
  if (status < 200 || status >= 300) return unknown(`HTTP_${status}`, raw.slice(0, 200));
  let envelope: unknown;
  try {
    envelope = JSON.parse(raw);
  } catch {
    return unknown('BAD_RESPONSE', 'reply is not JSON');
  }
  const env = AliEnvelopeSchema.safeParse(envelope);
  const signed = extractSignedText(raw, responseKey) ?? extractSignedText(raw, 'error_response');
  if (!env.success || signed === null) return unknown('BAD_RESPONSE', `no ${responseKey} in reply`);
  const sign = env.data.sign;
  if (sign === undefined || !rsa2Verify(signed, sign, alipayPublicKeyPem)) {
    return unknown('BAD_SIGNATURE', 'reply signature missing or wrong');
  }
  const body = AliBodySchema.safeParse(JSON.parse(signed));
  if (!body.success) return unknown('BAD_RESPONSE', body.error.issues[0]?.message ?? 'bad shape');
  const wrong = mismatch(body.data, want);
  if (wrong) return unknown('MISMATCH', `reply ${wrong} differs from the request`);
  return { ok: true, body: body.data };
}
