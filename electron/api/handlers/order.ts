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
  'repos' | 'receipts' | 'refunds' | 'preview' | 'queue' | 'actor'
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
  return {
    'order.refund': async ({ orderId, requestId, amountFen, reason }) => ({
      orderId,
      refunds: (await d.refunds.refundOrder(orderId, requestId, amountFen, reason)).map(refundView),
    }),
    'order.get': ({ orderId }) => detail(orderId),
    'order.find': ({ query }) =>
      detail(
        d.repos.payments.byMerchantOrderNo(query)?.orderId ??
          found(d.repos.sales.get(query), 'query').orderId,
      ),
    'receipt.get': ({ orderId }) => found(d.receipts.get(orderId), 'orderId'),
    'receipt.reprint': ({ orderId }) => d.receipts.reprint(orderId, d.actor),
    'receipt.preview': ({ orderId }) => d.preview(orderId),
    // Only a job that may have printed is sent again (queue.retry); any other is on its way.
    'print.retry': ({ jobId }) => {
      found(d.repos.printJobs.get(jobId), 'jobId');
      return d.queue.retry(jobId);
    },
  };
}
