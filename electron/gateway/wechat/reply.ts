import type { GatewayAnswer } from '../types';
import { verifyWechatSign, type WechatSignType } from './sign';
import { WxReplySchema, wxMismatch, type WxExpectation, type WxReply } from './wire';
import { decodeXml } from './xml';

export type Checked = { ok: true; reply: WxReply } | { ok: false; answer: GatewayAnswer };

const unknown = (errorCode: string, errorMessage: string): Checked => ({
  ok: false,
  answer: { outcome: 'UNKNOWN', errorCode, errorMessage },
});

/**
 * Everything between the bytes and a trustworthy reply: XML, shape, return_code, signature,
 * and "is this about what we asked". Any doubt is UNKNOWN: the customer may have been charged.
 */
export function checkReply(
  status: number,
  text: string,
  apiKey: string,
  signType: WechatSignType,
  want: WxExpectation,
): Checked {
  if (status < 200 || status >= 300) return unknown(`HTTP_${status}`, text.slice(0, 200));
  const fields = decodeXml(text);
  if (!fields) return unknown('BAD_RESPONSE', 'reply is not WeChat flat XML');
  const parsed = WxReplySchema.safeParse(fields);
  if (!parsed.success) {
    return unknown('BAD_RESPONSE', parsed.error.issues[0]?.message ?? 'bad shape');
  }
  const reply = parsed.data;
  // return_code FAIL is a communication failure and carries no sign (payments.md §1.2).
  if (reply.return_code !== 'SUCCESS') {
    return unknown('RETURN_FAIL', reply.return_msg ?? reply.return_code);
  }
  if (!verifyWechatSign(fields, apiKey, signType)) {
    return unknown('BAD_SIGNATURE', 'reply signature missing or wrong');
  }
  const wrong = wxMismatch(reply, want);
  if (wrong) return unknown('MISMATCH', `reply ${wrong} differs from the request`);
  return { ok: true, reply };
}
