import { z } from 'zod';

/**
 * upay v2 reply shapes (payments.md §4). Everything on the wire is a string; amounts are fen.
 * Replies are untrusted: the client parses them with these schemas and treats any mismatch
 * as "we do not know" rather than guessing.
 */

const digits = z.string().regex(/^\d{1,16}$/);

export const UpayOrderDataSchema = z.object({
  /** The terminal the order belongs to (SQB query.md: required in every order reply). */
  terminal_sn: z.string().min(1).max(64).optional(),
  sn: z.string().min(1).max(64),
  client_sn: z.string().min(1).max(64),
  trade_no: z.string().min(1).max(64).optional(),
  order_status: z.string().min(1).max(64),
  status: z.string().max(64).optional(),
  /** 1/2 = Alipay, 3 = WeChat (Shouqianba payway codes). */
  payway: z.string().max(8).optional(),
  total_amount: digits,
  net_amount: digits.optional(),
  subject: z.string().optional(),
  operator: z.string().optional(),
  /** Epoch milliseconds, as strings. */
  finish_time: digits.optional(),
  channel_finish_time: digits.optional(),
});
export type UpayOrderData = z.infer<typeof UpayOrderDataSchema>;

export const UpayBizResponseSchema = z.object({
  result_code: z.string().min(1).max(64),
  error_code: z.string().max(64).optional(),
  error_message: z.string().max(512).optional(),
  data: UpayOrderDataSchema.optional(),
});
export type UpayBizResponse = z.infer<typeof UpayBizResponseSchema>;

export const UpayReplySchema = z.object({
  result_code: z.enum(['200', '400', '500']),
  error_code: z.string().max(64).optional(),
  error_message: z.string().max(512).optional(),
  biz_response: UpayBizResponseSchema.optional(),
});
export type UpayReply = z.infer<typeof UpayReplySchema>;

export const PAYWAY = { ALIPAY: '1', ALIPAY_V2: '2', WECHAT: '3' } as const;

/** Request bodies the client sends (the sandbox validates the same shapes). */
export interface UpayPayBody {
  terminal_sn: string;
  client_sn: string;
  total_amount: string;
  dynamic_id: string;
  subject: string;
  operator: string;
}
export type UpayRefBody = { terminal_sn: string } & ({ sn: string } | { client_sn: string });

/** /upay/v2/refund: refund_request_no stays the same on every retry of one refund (SQB). */
export type UpayRefundBody = UpayRefBody & {
  refund_request_no: string;
  refund_amount: string;
  operator: string;
};
