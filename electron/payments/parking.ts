import type { Repos } from '../store';
import type { CaseKind, CaseRow } from '../store/cases';
import { newId } from '../services/ids';

/**
 * 挂起: the sale leaves the till (sales.current() no longer returns it) and becomes a supervisor
 * case, so the next customer is served at once. Run inside the transaction of the change that
 * parks it. An order already parked keeps its one open case.
 */
export function parkOrder(
  repos: Pick<Repos, 'sales' | 'cases'>,
  orderId: string,
  kind: CaseKind,
  at: string,
  by: string,
  extra: Partial<Pick<CaseRow, 'paymentId' | 'amountFen' | 'note' | 'paidAt'>> &
    Partial<Pick<CaseRow, 'merchantOrderNo' | 'platformOrderNo' | 'thirdPartyOrderNo'>> = {},
): CaseRow {
  const sale = repos.sales.get(orderId);
  if (sale && sale.status !== 'PARKED') repos.sales.setStatus(orderId, 'PARKED', at);
  const open = repos.cases.openForOrder(orderId);
  if (open) return open;
  return repos.cases.insert({
    caseId: newId('case'),
    kind,
    orderId,
    paymentId: extra.paymentId ?? null,
    amountFen: extra.amountFen ?? sale?.totalFen ?? null,
    merchantOrderNo: extra.merchantOrderNo ?? null,
    platformOrderNo: extra.platformOrderNo ?? null,
    thirdPartyOrderNo: extra.thirdPartyOrderNo ?? null,
    channel: null,
    paidAt: extra.paidAt ?? null,
    note: extra.note ?? null,
    createdBy: by,
    createdAt: at,
  });
}
