import { isChannel } from '../../shared/channels';
import { contract } from '../../shared/contract';
import { apiError, TillError } from '../../shared/errors';
import { fail, ok, type Result } from '../../shared/result';
import { storeTillError } from '../store/failures';
import type { Handlers } from './handlers';

/**
 * The boundary both bindings share: the channel name and payload are untrusted, parsed with the
 * contract's schema, and every outcome (including a bug) becomes a result envelope.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  payload: unknown,
  onInternalError?: (err: unknown) => void,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) return fail(apiError('UNKNOWN_CHANNEL'));
  const parsed = contract[channel].input.safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || undefined;
    const error = apiError('BAD_REQUEST', field);
    return fail({
      ...error,
      message: `${error.message} ${field ?? ''}: ${issue?.message ?? ''}`.trim(),
    });
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (err) {
    if (err instanceof TillError) return fail(err.toApiError());
    onInternalError?.(err);
    // A full disk or a read-only folder is not "internal": say what happened and what to do.
    const store = storeTillError(err);
    return fail(store ? store.toApiError() : apiError('INTERNAL'));
  }
}
