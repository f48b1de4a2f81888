import type { TimelineEntry } from '../../shared/api/recovery';
import type { Repos } from '../store';

type TimelineRepos = Pick<Repos, 'payments' | 'cases' | 'timeline'>;

/** A stored JSON detail, shortened to what a supervisor reads at a glance. */
function brief(detail: unknown): string | null {
  if (detail === null || detail === undefined) return null;
  const text = typeof detail === 'string' ? detail : JSON.stringify(detail);
  return text.length > 240 ? `${text.slice(0, 237)}…` : text;
}

const parse = (s: string | null): unknown => {
  if (s === null) return null;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return s;
  }
};

/** The gateway's words in a payment transition's stored answer, not the whole answer. */
function answerBrief(detail: unknown): string | null {
  if (!detail || typeof detail !== 'object') return brief(detail);
  const d = detail as Record<string, unknown>;
  const parts = ['outcome', 'orderStatus', 'errorCode', 'errorMessage']
    .map((k) => d[k])
    .filter((v): v is string => typeof v === 'string');
  return parts.length > 0 ? parts.join(' · ') : brief(detail);
}

/**
 * Everything that happened to an order, oldest first: its payments' state changes (with what
 * the gateway said), the recovery wizard's steps, the audit (syncs, reprints, cases, refunds)
 * and its print jobs.
 */
export function orderTimeline(repos: TimelineRepos, orderId: string): TimelineEntry[] {
  const payments = repos.payments.byOrder(orderId);
  const cases = repos.cases.forOrder(orderId);
  const out: TimelineEntry[] = [];
  for (const p of payments)
    for (const t of repos.payments.transitions(p.paymentId))
      out.push({
        at: t.at,
        actor: null,
        kind: 'payment',
        step: `${p.method} ${p.merchantOrderNo}`,
        outcome: `${t.from_state ?? '—'} → ${t.to_state}`,
        detail: answerBrief(parse(t.detail)),
      });
  for (const r of repos.timeline.forOrder(orderId))
    out.push({
      at: r.at,
      actor: r.actor,
      kind: 'recovery',
      step: r.step,
      outcome: r.outcome,
      detail: brief(r.detail),
    });
  const subjects = [orderId, ...payments.map((p) => p.paymentId), ...cases.map((c) => c.caseId)];
  for (const a of repos.timeline.auditFor(subjects))
    out.push({
      at: a.at,
      actor: a.actor,
      kind: 'audit',
      step: a.action,
      outcome: a.subject ?? '',
      detail: brief(parse(a.detail)),
    });
  for (const j of repos.timeline.printJobsFor(orderId))
    out.push({
      at: j.updated_at,
      actor: null,
      kind: 'print',
      step: j.kind,
      outcome: j.state,
      detail: j.reason_code,
    });
  // Stable: entries at the same instant keep the order they were gathered in.
  return out
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i)
    .map((x) => x.e);
}
