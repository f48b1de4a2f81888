import { z } from 'zod';
import { none } from './common';

/** Who may work the till. A supervisor may approve (主管授权) what a cashier may not do alone. */
export const ROLES = ['cashier', 'supervisor', 'technician'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** 工号: digits, as printed on the staff card. PIN: 4–8 digits, typed on the till's keypad. */
export const userIdSchema = z
  .string()
  .trim()
  .regex(/^\d{3,8}$/);
export const pinSchema = z.string().regex(/^\d{4,8}$/);

/** A supervisor's 工号 and PIN carried on a privileged call (see shared/contract.ts). */
export const ApprovalSchema = z.object({ userId: userIdSchema, pin: pinSchema }).strict();
export type Approval = z.infer<typeof ApprovalSchema>;

export const SessionUserSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: RoleSchema,
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const SessionSchema = z.object({
  /** Who is signed in at this till now; one person at a time, seen by both bindings. */
  user: SessionUserSchema.nullable(),
  signedInAt: z.string().nullable(),
  /** Live gateway and no supervisor yet: nothing works until one is created. */
  setupRequired: z.boolean(),
  /** Sandbox only: the demo accounts, listed on the sign-in screen under the SANDBOX badge. */
  demoUsers: z.array(SessionUserSchema.extend({ pin: z.string() })),
});
export type Session = z.infer<typeof SessionSchema>;

export const authContract = {
  'auth.current': { input: none, output: SessionSchema },
  'auth.signIn': {
    input: z.object({ userId: userIdSchema, pin: pinSchema }).strict(),
    output: SessionSchema,
  },
  'auth.signOut': { input: none, output: SessionSchema },
  /** First start with a live gateway: create the first supervisor (and sign them in). */
  'auth.setup': {
    input: z
      .object({ userId: userIdSchema, name: z.string().trim().min(1).max(20), pin: pinSchema })
      .strict(),
    output: SessionSchema,
  },
} as const;
