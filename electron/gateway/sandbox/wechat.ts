import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { wechatSign, verifyWechatSign, type WechatSignType } from '../wechat/sign';
import { decodeXml, encodeXml, type XmlFields } from '../wechat/xml';
import type { Exchange, SandboxContext } from './exchange';
import type { CallKind } from './faults';
import * as wx from './wechat-handlers';

/** The WeChat Pay v2 side of the sandbox: XML in, signed XML out (payments.md §1). */

interface Route {
  kind: CallKind;
  run: (ctx: SandboxContext, fields: XmlFields) => wx.WxResult;
}

function route<S extends z.ZodType>(
  kind: CallKind,
  schema: S,
  handle: (ctx: SandboxContext, b: z.infer<S>) => wx.WxResult,
): Route {
  return {
    kind,
    run: (ctx, fields) => {
      const parsed = schema.safeParse(fields);
      return parsed.success
        ? handle(ctx, parsed.data)
        : {
            fields: {
              result_code: 'FAIL',
              err_code: 'PARAM_ERROR',
              err_code_des: parsed.error.issues[0]?.message ?? '参数错误',
            },
          };
    },
  };
}

const ROUTES: Record<string, Route> = {
  '/pay/micropay': route('pay', wx.MicropaySchema, wx.micropay),
  '/pay/orderquery': route('query', wx.RefSchema, wx.orderquery),
  // /secapi needs a client certificate at WeChat; the loopback sandbox accepts plain HTTP.
  '/secapi/pay/reverse': route('cancel', wx.RefSchema, wx.reverse),
  '/secapi/pay/refund': route('refund', wx.RefundSchema, wx.refund),
};

export const isWechatPath = (path: string): boolean => path in ROUTES;

const xmlOut = (
  render: (bad: boolean) => string,
  signed: boolean,
  lostReply = false,
): Exchange => ({
  status: 200,
  contentType: 'text/xml; charset=utf-8',
  render,
  signed,
  ...(lostReply && { lostReply }),
});

/** return_code FAIL: a communication failure, unsigned, as WeChat sends it. */
const commFail = (msg: string): Exchange =>
  xmlOut(() => encodeXml({ return_code: 'FAIL', return_msg: msg }), false);

export function handleWechat(ctx: SandboxContext, path: string, raw: string): Exchange | null {
  const r = ROUTES[path];
  if (!r) return null;
  const fields = decodeXml(raw);
  if (!fields) return commFail('XML格式错误');
  const type = (fields.sign_type ?? 'MD5') as WechatSignType;
  if (type !== 'MD5' && type !== 'HMAC-SHA256') return commFail('签名类型错误');
  const { appId, mchId, apiKey } = ctx.wechat;
  if (!verifyWechatSign(fields, apiKey, type)) return commFail('签名错误');
  if (fields.appid !== appId || fields.mch_id !== mchId) return commFail('appid和mch_id不匹配');
  ctx.faults.count('wechat', r.kind);
  const result = r.run(ctx, fields);
  const reply: XmlFields = {
    return_code: 'SUCCESS',
    return_msg: 'OK',
    appid: appId,
    mch_id: mchId,
    nonce_str: randomBytes(16).toString('hex'),
    ...result.fields,
  };
  return xmlOut(
    (bad) => encodeXml({ ...reply, sign: wechatSign(reply, bad ? `${apiKey}x` : apiKey, type) }),
    true,
    result.lostReply,
  );
}
