import { chinaDayRange } from '../../services/days';
import type { HandlerDeps, SomeHandlers } from '../handlers';

export function auditHandlers(
  d: Pick<HandlerDeps, 'repos'>,
): SomeHandlers<'audit.list' | 'audit.verify'> {
  return {
    'audit.list': (f) =>
      d.repos.audit.list({
        ...(f.actor ? { actor: f.actor } : {}),
        ...(f.action ? { action: f.action } : {}),
        ...(f.from ? { fromAt: chinaDayRange(f.from).fromAt } : {}),
        ...(f.to ? { toAt: chinaDayRange(f.to).toAt } : {}),
        ...(f.beforeId ? { beforeId: f.beforeId } : {}),
        limit: f.limit ?? 50,
      }),
    'audit.verify': () => d.repos.audit.verify(),
  };
}
