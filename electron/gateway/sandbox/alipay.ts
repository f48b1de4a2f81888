import type { z } from 'zod';
import { requestSignContent, rsa2Sign, rsa2Verify } from '../alipay/sign';
import { METHOD_KEY, type AliMethod } from '../alipay/wire';
import * as ali from './alipay-handlers';
import type { Exchange, SandboxContext } from './exchange';
import type { CallKind } from './faults';

/** The Alipay OpenAPI 2.0 side of the sandbox: signed form in, signed JSON out (payments.md §2). */

interface Method {
  kind: CallKind;
  run: (ctx: SandboxContext, biz: unknown) => ali.AliResult;
}

function method<S extends z.ZodType>(
  kind: CallKind,
  schema: S,
  handle: (ctx: SandboxContext, b: z.infer<S>) => ali.AliResult,
): Method {
  return {
    kind,
    run: (ctx, biz) => {
      const parsed = schema.safeParse(biz);
      return parsed.success
        ? handle(ctx, parsed.data)
        : {
            body: {
              code: '40004',
              msg: 'Business Failed',
              sub_code: 'ACQ.INVALID_PARAMETER',
              sub_msg: parsed.error.issues[0]?.message ?? '参数无效',
            },
          };
    },
  };
}

const METHODS: Record<AliMethod, Method> = {
  'alipay.trade.pay': method('pay', ali.PayBiz, ali.pay),
  'alipay.trade.query': method('query', ali.RefBiz, ali.query),
  'alipay.trade.cancel': method('cancel', ali.RefBiz, ali.cancel),
  'alipay.trade.refund': method('refund', ali.RefundBiz, ali.refund),
};

const isMethod = (m: string | undefined): m is AliMethod => m !== undefined && m in METHODS;

/** Gateway-level refusal (bad signature, unknown app): unsigned `error_response`, as Alipay does. */
const gatewayError = (sub_code: string, sub_msg: string): Exchange => ({
  status: 200,
  contentType: 'application/json; charset=utf-8',
  render: () =>
    JSON.stringify({
      error_response: { code: '40002', msg: 'Invalid Arguments', sub_code, sub_msg },
    }),
  signed: false,
});

export function handleAlipay(ctx: SandboxContext, raw: string): Exchange {
  const form = new URLSearchParams(raw);
  const params: Record<string, string> = {};
  for (const [k, v] of form) params[k] = v;
  const creds = ctx.alipay();
  const m = params.method;
  if (!isMethod(m)) return gatewayError('isv.invalid-method', '不存在的方法名');
  if (params.sign_type !== 'RSA2' || !params.sign)
    return gatewayError('isv.invalid-signature-type', '无效的签名类型');
  if (!rsa2Verify(requestSignContent(params), params.sign, creds.appPublicKeyPem)) {
    return gatewayError('isv.invalid-signature', '验签出错');
  }
  if (params.app_id !== creds.appId) return gatewayError('isv.invalid-app-id', '无效的AppID参数');
  let biz: unknown;
  try {
    biz = JSON.parse(params.biz_content ?? '');
  } catch {
    return gatewayError('isv.invalid-biz-content', 'biz_content 不是合法的 JSON');
  }
  const handler = METHODS[m];
  ctx.faults.count('alipay', handler.kind);
  const result = handler.run(ctx, biz);
  // The signed bytes are exactly the bytes we send: the client verifies the raw substring.
  const text = JSON.stringify(result.body);
  return {
    status: 200,
    contentType: 'application/json; charset=utf-8',
    render: (bad) => {
      const sign = rsa2Sign(bad ? `${text} ` : text, creds.alipayPrivateKeyPem);
      return `{"${METHOD_KEY[m]}":${text},"sign":"${sign}"}`;
    },
    signed: true,
    ...(result.lostReply && { lostReply: true }),
  };
}
