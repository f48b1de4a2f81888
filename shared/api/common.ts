import { z } from 'zod';

/** Building blocks the per-domain contract files share. */
export const none = z.object({}).strict();
export const orderRef = z.object({ orderId: z.string().min(1).max(64) }).strict();
export const paymentRef = z.object({ paymentId: z.string().min(1).max(64) }).strict();
export const fenAmount = z.number().int().min(1).max(100_000_000);
