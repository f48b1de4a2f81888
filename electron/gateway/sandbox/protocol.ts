import { z } from 'zod';
import { PAYWAY, type UpayOrderData, type UpayReply } from '../upay/wire';
import type { SandboxOrder } from './orders';

/** Request bodies as the sandbox accepts them; extra fields are ignored, as upay does. */
export const PayBodySchema = z.object({
  terminal_sn: z.string().min(1).max(64),
  client_sn: z.string().regex(/^[\x21-\x7e]{1,32}$/, 'client_sn: 1–32 printable ASCII characters'),
  total_amount: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, 'total_amount: positive integer fen as a string'),
  dynamic_id: z.string().min(1).max(64),
  subject: z.string().min(1).max(128),
  operator: z.string().min(1).max(64),
});
export type PayBody = z.infer<typeof PayBodySchema>;

export const RefBodySchema = z
  .object({
    terminal_sn: z.string().min(1).max(64),
    sn: z.string().min(1).max(64).optional(),
    client_sn: z.string().min(1).max(64).optional(),
  })
  .refine((b) => b.sn !== undefined || b.client_sn !== undefined, 'sn or client_sn is required');
export type RefBody = z.infer<typeof RefBodySchema>;

export const RefundBodySchema = z
  .object({
    terminal_sn: z.string().min(1).max(64),
    sn: z.string().min(1).max(64).optional(),
    client_sn: z.string().min(1).max(64).optional(),
    refund_request_no: z.string().min(1).max(64),
    refund_amount: z.string().regex(/^[1-9]\d{0,9}$/, 'refund_amount: positive integer fen'),
    operator: z.string().min(1).max(64),
  })
  .refine((b) => b.sn !== undefined || b.client_sn !== undefined, 'sn or client_sn is required');
export type RefundBody = z.infer<typeof RefundBodySchema>;

export function commError(code: '400' | '500', errorCode: string, message: string): UpayReply {
  return { result_code: code, error_code: errorCode, error_message: message };
}

export function bizReply(
  resultCode: string,
  order?: SandboxOrder,
  error?: { code: string; message: string },
): UpayReply {
  return {
    result_code: '200',
    biz_response: {
      result_code: resultCode,
      ...(error && { error_code: error.code, error_message: error.message }),
      ...(order && { data: orderData(order) }),
    },
  };
}

export function orderData(o: SandboxOrder): UpayOrderData {
  return {
    ...(o.terminalSn !== undefined && { terminal_sn: o.terminalSn }),
    sn: o.sn,
    client_sn: o.clientSn,
    order_status: o.status,
    payway: o.channel === 'WECHAT' ? PAYWAY.WECHAT : PAYWAY.ALIPAY,
    total_amount: String(o.amountFen),
    subject: o.subject,
    operator: o.operator,
    ...(o.tradeNo !== undefined && { trade_no: o.tradeNo }),
    ...(o.refundedFen > 0 && { net_amount: String(o.amountFen - o.refundedFen) }),
    ...(o.paidAt !== undefined && {
      finish_time: String(o.paidAt),
      channel_finish_time: String(o.paidAt),
    }),
  };
}
