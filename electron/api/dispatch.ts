import { ApprovalSchema, type Approval } from '../../shared/api/auth';
import { isChannel, type Channel } from '../../shared/channels';
import { contract, type ParsedInput } from '../../shared/contract';
import { apiError, TillError } from '../../shared/errors';
import { fail, ok, type Result } from '../../shared/result';
import { runInCall } from '../auth/callContext';
import { storeTillError } from '../store/failures';
import type { Access } from './access';
import type { Handlers } from './handlers';

/** What both bindings (Electron IPC, kiosk HTTP) hand every call to. */
export interface Boundary {
  handlers: Handlers;
  access: Access;
  onInternalError?: (err: unknown) => void;
}

const badRequest = (issue: { path: PropertyKey[]; message: string } | undefined, prefix = '') => {
  const field = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.') || undefined;
  const error = apiError('BAD_REQUEST', field);
  return fail({
    ...error,
    message: `${error.message} ${field ?? ''}: ${issue?.message ?? ''}`.trim(),
  });
};

/** A supervisor's approval travels beside the channel's own fields, under `approval`. */
function takeApproval(payload: unknown): { rest: unknown; approval: unknown } {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload) || !('approval' in payload))
    return { rest: payload ?? {}, approval: undefined };
  const { approval, ...rest } = payload as Record<string, unknown>;
  return { rest, approval };
}

/**
 * The boundary both bindings share: the channel name and payload are untrusted, parsed with the
 * contract's schema; the channel's permission (permissions.ts) is checked against the signed-in
 * user and any approval before the handler runs; every outcome (a bug too) is an envelope.
 */
export async function dispatch(
  boundary: Boundary,
  channel: string,
  payload: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) return fail(apiError('UNKNOWN_CHANNEL'));
  const { rest, approval: rawApproval } = takeApproval(payload);
  let approval: Approval | undefined;
  if (rawApproval !== undefined) {
    const a = ApprovalSchema.safeParse(rawApproval);
    if (!a.success) return badRequest(a.error.issues[0], 'approval');
    approval = a.data;
  }
  const parsed = contract[channel].input.safeParse(rest);
  if (!parsed.success) return badRequest(parsed.error.issues[0]);
  try {
    const input = parsed.data as ParsedInput<Channel>;
    const ctx = await boundary.access.admit(channel, input, approval);
    const handler = boundary.handlers[channel] as (input: unknown) => unknown;
    return ok(await runInCall(ctx, () => handler(input)));
  } catch (err) {
    if (err instanceof TillError) return fail(err.toApiError());
    boundary.onInternalError?.(err);
    // A full disk or a read-only folder is not "internal": say what happened and what to do.
    const store = storeTillError(err);
    return fail(store ? store.toApiError() : apiError('INTERNAL'));
  }
}
