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

export function orderHandlers(d: OrderDeps): SomeHandlers<OrderChannel> {
  const refundView = (r: {
    paymentId: string;
    refundNo: string;
    amountFen: number;
    state: 'PENDING' | 'REFUNDED' | 'FAILED';
    errorCode: string | null;
  }) => ({
    paymentId: r.paymentId,
    refundNo: r.refundNo,
    amountFen: r.amountFen,
    state: r.state,
    errorCode: r.errorCode,
  });
  const detail = (orderId: string) => ({
    sale: found(d.repos.sales.get(orderId), 'orderId'),
    payments: d.repos.payments.byOrder(orderId),
    receipt: d.receipts.get(orderId),
    refunds: d.repos.payments
      .byOrder(orderId)
      .flatMap((p) => d.repos.refunds.byPayment(p.paymentId).map(refundView)),
  });
  const local = (orderId: string) => d.repos.sales.get(orderId) !== null;
  // Not on this till: the store database may know it (another till's order).
  const remote = async (query: string, field: string) =>
    found(await (d.crossTill?.find(query) ?? null), field);
  return {
    'order.refund': async ({ orderId, requestId, amountFen, reason }) => {
      if (!local(orderId) && d.crossTill)
        return d.crossTill.refund(orderId, requestId, amountFen, d.actor);
      const sale = d.repos.sales.get(orderId);
      if (d.crossTill && sale?.status === 'PAID')
        await d.crossTill.guardOwnRefund(orderId, requestId, amountFen ?? sale.totalFen);
      return {
        orderId,
        refunds: (await d.refunds.refundOrder(orderId, requestId, amountFen, reason)).map(
          refundView,
        ),
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
        ? d.crossTill.reprint(orderId, d.actor)
        : d.receipts.reprint(orderId, d.actor),
    'receipt.preview': ({ orderId }) => d.preview(orderId),
    // Only a job that may have printed is sent again (queue.retry); any other is on its way.
    'print.retry': ({ jobId }) => {
      found(d.repos.printJobs.get(jobId), 'jobId');
      return d.queue.retry(jobId);
    },
  };
}
