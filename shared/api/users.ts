import { z } from 'zod';
import { none } from './common';
import { pinSchema, RoleSchema, userIdSchema } from './auth';

export const UserSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: RoleSchema,
  active: z.boolean(),
  /** Demo accounts exist in sandbox mode only and never sign in with a live gateway. */
  demo: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

/** Supervisors keep the staff list: add, disable, reset a PIN. PINs never come back out. */
export const usersContract = {
  'user.list': { input: none, output: z.object({ users: z.array(UserSchema) }) },
  'user.add': {
    input: z
      .object({
        userId: userIdSchema,
        name: z.string().trim().min(1).max(20),
        role: RoleSchema,
        pin: pinSchema,
      })
      .strict(),
    output: UserSchema,
  },
  'user.setActive': {
    input: z.object({ userId: userIdSchema, active: z.boolean() }).strict(),
    output: UserSchema,
  },
  'user.resetPin': {
    input: z.object({ userId: userIdSchema, pin: pinSchema }).strict(),
    output: UserSchema,
  },
} as const;
