import type { OrderDetail, RefundSummary } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import type { ReceiptService } from '../receipts/service';
import type { Repos } from '../store';

/**
 * An order as the supervisor sees it (order.get's shape): sale, payments, receipt, refunds, and
 * where its refunds stand (refunded / partly refunded, what is still refundable).
 */
export function createOrderDetail(
  repos: Pick<Repos, 'sales' | 'payments' | 'refunds'>,
  receipts: Pick<ReceiptService, 'get'>,
  refundSummary: (orderId: string) => RefundSummary,
) {
  return (orderId: string): OrderDetail => {
    const sale = repos.sales.get(orderId);
    if (!sale) throw new TillError('NOT_FOUND', 'orderId');
    const payments = repos.payments.byOrder(orderId);
    return {
      sale,
      payments,
      receipt: receipts.get(orderId),
      refunds: payments.flatMap((p) =>
        repos.refunds.byPayment(p.paymentId).map((r) => ({
          paymentId: r.paymentId,
          refundNo: r.refundNo,
          amountFen: r.amountFen,
          state: r.state,
          errorCode: r.errorCode,
        })),
      ),
      refund: refundSummary(orderId),
    };
  };
}
