import type { ClientBase } from 'pg';
import { pinSchema, RoleSchema, userIdSchema } from '../../shared/api/auth';
import { hashPin } from '../auth/pin';
import {
  addSharedUser,
  listSharedUsers,
  resetSharedUserPin,
  setSharedUserActive,
} from './pg/users';
import { CONTROL } from './sharedUsers';

export const USER_USAGE = `  user add ID NAME ROLE      a staff member for every till (ROLE cashier|supervisor|technician);
                             the PIN comes from TILL_USER_PIN or stdin, never the command line
  user set-active ID true|false
  user reset-pin ID          new PIN from TILL_USER_PIN or stdin
  user list                  the store's staff (never their PINs)`;

/**
 * The PIN, from the environment or stdin (piped, or typed without echo): never from argv (ps).
 * Any control character ends it (Enter; Ctrl-C or Ctrl-D abandon it).
 */
export async function readPin(
  env: NodeJS.ProcessEnv = process.env,
  input: NodeJS.ReadStream = process.stdin,
  prompt: (s: string) => void = (s) => process.stderr.write(s),
): Promise<string> {
  if (env.TILL_USER_PIN !== undefined) return env.TILL_USER_PIN.trim();
  if (input.isTTY) {
    prompt('PIN (4–8 digits): ');
    input.setRawMode(true);
  }
  let got = '';
  try {
    for await (const chunk of input) {
      got += String(chunk);
      if (/\p{Cc}/u.test(got)) break;
    }
  } finally {
    if (input.isTTY) {
      input.setRawMode(false);
      prompt('\n');
    }
  }
  // Ctrl-C or Ctrl-D before Enter: no PIN (the command refuses), never what was typed so far.
  const end = /\p{Cc}/u.exec(got);
  if (end && (end[0] === '\u0003' || end[0] === '\u0004')) return '';
  return got.split(/\p{Cc}/u)[0]?.trim() ?? '';
}

const bad = (out: (l: string) => void, what: string): number => {
  out(`store-db user: ${what}`);
  return 2;
};

/** `npm run store-db -- user …`: the store's staff, pulled by every till (sharedUsers.ts). */
export async function userCli(
  db: ClientBase,
  args: string[],
  out: (line: string) => void,
  pin: () => Promise<string> = () => readPin(),
): Promise<number> {
  const [sub, id = '', ...rest] = args;
  const userId = userIdSchema.safeParse(id);
  const newPin = async (): Promise<string | null> => {
    const p = pinSchema.safeParse(await pin());
    return p.success ? p.data : null;
  };
  switch (sub) {
    case 'list': {
      for (const u of await listSharedUsers(db))
        out(
          `  ${u.userId}  ${u.name}  ${u.role}  ${u.active ? 'active' : 'disabled'}  v${u.version}`,
        );
      return 0;
    }
    case 'add': {
      const name = (rest[0] ?? '').trim();
      const role = RoleSchema.safeParse(rest[1]);
      if (!userId.success) return bad(out, `staff number ${id} must be 3–8 digits`);
      if (name.length < 1 || name.length > 20 || CONTROL.test(name))
        return bad(out, 'NAME must be 1–20 printable characters');
      if (!role.success) return bad(out, 'ROLE must be cashier, supervisor or technician');
      const p = await newPin();
      if (!p) return bad(out, 'the PIN must be 4–8 digits (TILL_USER_PIN or stdin)');
      const v = await addSharedUser(db, {
        userId: userId.data,
        name,
        role: role.data,
        pinHash: await hashPin(p),
      });
      if (v === null) return bad(out, `user ${userId.data} exists (reset-pin, set-active)`);
      out(`added user ${userId.data} ${name} (${role.data}): shared data version ${v}`);
      return 0;
    }
    case 'set-active': {
      const flag = rest[0];
      if (!userId.success || (flag !== 'true' && flag !== 'false'))
        return bad(out, 'usage: user set-active ID true|false');
      const v = await setSharedUserActive(db, userId.data, flag === 'true');
      if (v === null) return bad(out, `no user ${userId.data}`);
      out(
        `user ${userId.data} ${flag === 'true' ? 'active' : 'disabled'}: shared data version ${v}`,
      );
      return 0;
    }
    case 'reset-pin': {
      if (!userId.success) return bad(out, 'usage: user reset-pin ID');
      const p = await newPin();
      if (!p) return bad(out, 'the PIN must be 4–8 digits (TILL_USER_PIN or stdin)');
      const v = await resetSharedUserPin(db, userId.data, await hashPin(p));
      if (v === null) return bad(out, `no user ${userId.data}`);
      out(`user ${userId.data}: new PIN, shared data version ${v}`);
      return 0;
    }
    default:
      return bad(out, `unknown command\n${USER_USAGE}`);
  }
}
