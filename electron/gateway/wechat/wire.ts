import { z } from 'zod';

/**
 * WeChat v2 reply fields we act on (payments.md §1.2–§1.7). Everything is a string on the
 * wire; unknown extra fields are allowed (they still count for the signature).
 */

const fen = z.string().regex(/^\d{1,10}$/);
const id = z.string().min(1).max(64);

export const WxReplySchema = z.object({
  return_code: z.string().min(1).max(32),
  return_msg: z.string().max(256).optional(),
  appid: z.string().max(64).optional(),
  mch_id: z.string().max(64).optional(),
  sign: z.string().max(128).optional(),
  result_code: z.enum(['SUCCESS', 'FAIL']).optional(),
  err_code: z.string().max(64).optional(),
  err_code_des: z.string().max(256).optional(),
  out_trade_no: id.optional(),
  transaction_id: id.optional(),
  total_fee: fen.optional(),
  trade_state: z.string().max(32).optional(),
  trade_state_desc: z.string().max(256).optional(),
  /** yyyyMMddHHmmss, Beijing time. */
  time_end: z
    .string()
    .regex(/^\d{14}$/)
    .optional(),
  /** reverse: Y = call reverse again. */
  recall: z.enum(['Y', 'N']).optional(),
  out_refund_no: id.optional(),
  refund_id: id.optional(),
  refund_fee: fen.optional(),
});
export type WxReply = z.infer<typeof WxReplySchema>;

/** Beijing yyyyMMddHHmmss → ISO, or undefined if it is not a real instant. */
export function wechatTimeToIso(t: string | undefined): string | undefined {
  if (t === undefined) return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(t);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The ids a reply must agree with; anything else is about another order (or another merchant). */
export interface WxExpectation {
  appId: string;
  mchId: string;
  outTradeNo?: string;
  transactionId?: string;
  totalFen?: number;
  outRefundNo?: string;
  refundFen?: number;
}

export function wxMismatch(r: WxReply, want: WxExpectation): string | undefined {
  const pairs: [string | undefined, string | undefined, string][] = [
    [r.appid, want.appId, 'appid'],
    [r.mch_id, want.mchId, 'mch_id'],
    [r.out_trade_no, want.outTradeNo, 'out_trade_no'],
    [r.transaction_id, want.transactionId, 'transaction_id'],
    [r.total_fee, want.totalFen?.toString(), 'total_fee'],
    [r.out_refund_no, want.outRefundNo, 'out_refund_no'],
    [r.refund_fee, want.refundFen?.toString(), 'refund_fee'],
  ];
  // appid/mch_id must be present and equal; the others only when both sides have them.
  for (const [got, expected, name] of pairs) {
    const required = name === 'appid' || name === 'mch_id';
    if (expected === undefined) continue;
    if (got === undefined ? required : got !== expected) return name;
  }
  return undefined;
}
