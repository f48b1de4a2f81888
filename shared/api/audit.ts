import { z } from 'zod';
import { none } from './common';

export const AuditRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  /** 工号 of who did it ('system' for the reconciler and other background work). */
  actor: z.string(),
  actorName: z.string().nullable(),
  role: z.string().nullable(),
  /** The supervisor who approved it on the cashier's screen (主管授权), if anyone. */
  approver: z.string().nullable(),
  action: z.string(),
  subject: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  detail: z.unknown(),
});
export type AuditRow = z.infer<typeof AuditRowSchema>;

export const AuditProblemSchema = z.enum(['changed', 'deleted', 'inserted']);
export const AuditVerdictSchema = z.object({
  ok: z.boolean(),
  /** Rows the chain covers, and rows written before the chain existed (not covered). */
  rows: z.number().int(),
  legacyRows: z.number().int(),
  head: z.object({ id: z.number().int(), hash: z.string() }).nullable(),
  firstBad: z
    .object({ id: z.number().int(), problem: AuditProblemSchema, message: z.string() })
    .nullable(),
});
export type AuditVerdict = z.infer<typeof AuditVerdictSchema>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The supervisor's view of the trail: filter by who, what and when; and whether it verifies. */
export const auditContract = {
  'audit.list': {
    input: z
      .object({
        actor: z.string().trim().max(20).optional(),
        action: z.string().trim().max(40).optional(),
        /** China dates, inclusive. */
        from: day.optional(),
        to: day.optional(),
        /** Paging: rows older than this id. */
        beforeId: z.number().int().min(1).optional(),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    output: z.object({ rows: z.array(AuditRowSchema), hasMore: z.boolean() }),
  },
  'audit.verify': { input: none, output: AuditVerdictSchema },
} as const;
