import { z } from 'zod';
import { PaymentSchema } from '../domain';
import { fenAmount, paymentRef } from './common';

/** amountFen (wallet) and partial (cash) make a split tender: part cash, part wallet. */
export const PayStartSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('wallet'),
      authCode: z.string().min(1).max(64),
      amountFen: fenAmount.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('cash'),
      receivedFen: z.number().int().min(0).max(100_000_000),
      partial: z.boolean().optional(),
    })
    .strict(),
]);

export const payContract = {
  'pay.start': { input: PayStartSchema, output: PaymentSchema },
  'pay.status': { input: paymentRef, output: PaymentSchema },
  'pay.cancel': { input: paymentRef, output: PaymentSchema },
} as const;
