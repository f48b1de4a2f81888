import { z } from 'zod';

/** Alipay response bodies (payments.md §2.2/§2.3); strings on the wire, amounts in yuan. */

const yuan = z.string().regex(/^\d{1,12}(\.\d{1,2})?$/);
const id = z.string().min(1).max(64);

export const AliBodySchema = z.object({
  code: z.string().min(1).max(16),
  msg: z.string().max(256).optional(),
  sub_code: z.string().max(128).optional(),
  sub_msg: z.string().max(512).optional(),
  trade_no: id.optional(),
  out_trade_no: id.optional(),
  total_amount: yuan.optional(),
  trade_status: z.string().max(32).optional(),
  /** yyyy-MM-dd HH:mm:ss, Beijing time. */
  gmt_payment: z.string().max(32).optional(),
  send_pay_date: z.string().max(32).optional(),
  retry_flag: z.enum(['Y', 'N']).optional(),
  action: z.string().max(32).optional(),
  fund_change: z.enum(['Y', 'N']).optional(),
  refund_fee: yuan.optional(),
  out_request_no: id.optional(),
});
export type AliBody = z.infer<typeof AliBodySchema>;

/** The envelope around the signed part; `sign` is absent on some gateway-level errors. */
export const AliEnvelopeSchema = z.object({ sign: z.string().min(1).max(2048).optional() });

export const METHOD_KEY = {
  'alipay.trade.pay': 'alipay_trade_pay_response',
  'alipay.trade.query': 'alipay_trade_query_response',
  'alipay.trade.cancel': 'alipay_trade_cancel_response',
  'alipay.trade.refund': 'alipay_trade_refund_response',
} as const;
export type AliMethod = keyof typeof METHOD_KEY;

/** "2026-11-25 10:00:00" Beijing → ISO. */
export function alipayTimeToIso(t: string | undefined): string | undefined {
  const m = t === undefined ? null : /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(t);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}T${m[2]}+08:00`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function beijingTimestamp(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
