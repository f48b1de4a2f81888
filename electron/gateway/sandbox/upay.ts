import type { z } from 'zod';
import { verifyAuthorization } from '../upay/sign';
import { jsonExchange, type Exchange, type SandboxContext } from './exchange';
import type { CallKind } from './faults';
import { handleCancel, handlePay, handleQuery, handleRefund, type UpayResult } from './handlers';
import { commError, PayBodySchema, RefBodySchema, RefundBodySchema } from './protocol';

/** A parsed request, or why it was refused; keeps each handler typed to its own schema. */
type Parsed =
  | { ok: false; message: string }
  | { ok: true; terminalSn: string; orderKey: string; run: (ctx: SandboxContext) => UpayResult };
interface Route {
  kind: CallKind;
  parse: (json: unknown) => Parsed;
}

function route<T extends { terminal_sn: string; sn?: string; client_sn?: string }>(
  kind: CallKind,
  schema: z.ZodType<T>,
  handle: (ctx: SandboxContext, body: T) => UpayResult,
): Route {
  return {
    kind,
    parse: (json) => {
      const parsed = schema.safeParse(json);
      if (!parsed.success)
        return { ok: false, message: parsed.error.issues[0]?.message ?? '参数错误' };
      const body = parsed.data;
      return {
        ok: true,
        terminalSn: body.terminal_sn,
        orderKey: body.sn ?? body.client_sn ?? '',
        run: (ctx) => handle(ctx, body),
      };
    },
  };
}

const ROUTES: Record<string, Route> = {
  '/upay/v2/pay': route('pay', PayBodySchema, handlePay),
  '/upay/v2/query': route('query', RefBodySchema, handleQuery),
  '/upay/v2/cancel': route('cancel', RefBodySchema, handleCancel),
  '/upay/v2/refund': route('refund', RefundBodySchema, handleRefund),
};

export const isUpayPath = (path: string): boolean => path in ROUTES;

/** Signature first (an unsigned caller learns nothing), then JSON, then fields, then terminal. */
export function handleUpay(
  ctx: SandboxContext,
  path: string,
  raw: string,
  authorization: string | undefined,
): Exchange {
  const r = ROUTES[path];
  if (!r) return jsonExchange(404, commError('400', 'INVALID_PARAMS', 'no such endpoint'));
  const { sn, key } = ctx.terminal;
  if (!verifyAuthorization(authorization, raw, sn, key)) {
    return jsonExchange(200, commError('400', 'ILLEGAL_SIGN', '签名错误'));
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return jsonExchange(200, commError('400', 'INVALID_PARAMS', '请求体不是合法的 JSON'));
  }
  const parsed = r.parse(json);
  if (!parsed.ok) return jsonExchange(200, commError('400', 'INVALID_PARAMS', parsed.message));
  if (parsed.terminalSn !== sn) {
    return jsonExchange(200, commError('400', 'INVALID_TERMINAL', '终端号不存在'));
  }
  ctx.faults.count('upay', r.kind);
  if (r.kind === 'query') {
    const k = parsed.orderKey;
    const order = ctx.book.find({ sn: k }) ?? ctx.book.find({ clientSn: k });
    if (ctx.faults.rateLimited(order?.clientSn ?? k, ctx.book.now())) {
      // Shouqianba-style throttling: an HTTP 429 the client must read as "unknown, slow down".
      return jsonExchange(429, commError('400', 'TOO_MANY_REQUESTS', '查询过于频繁'));
    }
  }
  const result = parsed.run(ctx);
  return jsonExchange(200, result.reply, result.lostReply);
}
