import type { Payment, RefundSummary } from '../../../shared/domain';
import { currentCall } from '../../auth/callContext';
import { refundSplit } from '../../receipts/refundSlip';
import type { RefundRow } from '../../store/refunds';
import type { HandlerDeps, SomeHandlers } from '../handlers';
import { found } from './found';

type OrderChannel =
  | 'order.refund'
  | 'order.get'
  | 'order.find'
  | 'receipt.get'
  | 'receipt.reprint'
  | 'receipt.preview'
  | 'print.retry';

type OrderDeps = Pick<
  HandlerDeps,
  'repos' | 'receipts' | 'refunds' | 'preview' | 'queue' | 'actor' | 'crossTill'
>;

const refundView = (r: RefundRow) => ({
  paymentId: r.paymentId,
  refundNo: r.refundNo,
  amountFen: r.amountFen,
  state: r.state,
  errorCode: r.errorCode,
});

export function orderHandlers(d: OrderDeps): SomeHandlers<OrderChannel> {
  const detail = (orderId: string) => ({
    sale: found(d.repos.sales.get(orderId), 'orderId'),
    payments: d.repos.payments.byOrder(orderId),
    receipt: d.receipts.get(orderId),
    refunds: d.repos.payments
      .byOrder(orderId)
      .flatMap((p) => d.repos.refunds.byPayment(p.paymentId).map(refundView)),
    refund: d.refunds.summary(orderId),
  });
  const local = (orderId: string) => d.repos.sales.get(orderId) !== null;
  // Not on this till: the store database may know it (another till's order).
  const remote = async (query: string, field: string) =>
    found(await (d.crossTill?.find(query) ?? null), field);
  return {
    'order.refund': async ({ orderId, requestId, amountFen, reason }) => {
      const slip = (
        parts: { row: RefundRow; payment: Payment }[],
        summary: RefundSummary,
        fresh: boolean,
      ) =>
        // A repeated request answers what happened without printing the slip again.
        fresh
          ? d.receipts.refundSlip({
              orderId,
              by: d.actor(),
              approvedBy: currentCall()?.approver?.userId ?? null,
              reason,
              parts,
              summary,
            })
          : null;
      if (!local(orderId) && d.crossTill) {
        const r = await d.crossTill.refund(orderId, requestId, amountFen, d.actor());
        return {
          orderId,
          refunds: r.refunds,
          ...refundSplit(r.parts),
          summary: r.summary,
          slipJob: slip(r.parts, r.summary, r.fresh),
        };
      }
      const sale = d.repos.sales.get(orderId);
      if (d.crossTill && sale?.status === 'PAID')
        await d.crossTill.guardOwnRefund(orderId, requestId, amountFen ?? sale.totalFen);
      const outcome = await d.refunds.refundOrder(orderId, requestId, amountFen, reason);
      const parts = outcome.rows.map((row) => ({
        row,
        payment: d.repos.payments.get(row.paymentId) as Payment,
      }));
      const summary = d.refunds.summary(orderId);
      return {
        orderId,
        refunds: outcome.rows.map(refundView),
        ...refundSplit(parts),
        summary,
        slipJob: slip(parts, summary, outcome.fresh),
      };
    },
    'order.get': async ({ orderId }) =>
      local(orderId) ? detail(orderId) : remote(orderId, 'orderId'),
    'order.find': async ({ query }) => {
      const id =
        d.repos.payments.byMerchantOrderNo(query)?.orderId ?? d.repos.sales.get(query)?.orderId;
      return id ? detail(id) : remote(query, 'query');
    },
    'receipt.get': async ({ orderId }) =>
      local(orderId)
        ? found(d.receipts.get(orderId), 'orderId')
        : found((await remote(orderId, 'orderId')).receipt, 'orderId'),
    'receipt.reprint': async ({ orderId }) =>
      !local(orderId) && d.crossTill
        ? d.crossTill.reprint(orderId, d.actor())
        : d.receipts.reprint(orderId, d.actor()),
    'receipt.preview': ({ orderId }) => d.preview(orderId),
    // Only a job that may have printed is sent again (queue.retry); any other is on its way.
    'print.retry': ({ jobId }) => {
      found(d.repos.printJobs.get(jobId), 'jobId');
      return d.queue.retry(jobId);
    },
  };
}
