import type { Channel } from '../../shared/channels';
import type { Output, ParsedInput } from '../../shared/contract';
import type { AppInfo, PaperPreview, PrintJob } from '../../shared/domain';
import type { Technician } from '../services/technician';
import { TillError } from '../../shared/errors';
import type { PaymentEngine } from '../payments/engine';
import type { RefundService } from '../payments/refunds';
import type { ReceiptService } from '../receipts/service';
import type { SaleService } from '../services/sale';
import type { Repos } from '../store';

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;
};

export interface HandlerDeps {
  info: () => AppInfo;
  sales: SaleService;
  engine: PaymentEngine;
  receipts: ReceiptService;
  refunds: RefundService;
  jobs: Pick<Repos['printJobs'], 'get'>;
  retryPrint: (jobId: string) => Promise<PrintJob>;
  actor: string;
  technician: Technician;
  preview: (orderId: string) => PaperPreview;
  repos: Pick<Repos, 'sales' | 'payments' | 'refunds'>;
}

const found = <T>(value: T | null, field: string): T => {
  if (value === null) throw new TillError('NOT_FOUND', field);
  return value;
};

/** The contract's implementation: thin, every rule lives in the services. */
export function createHandlers(d: HandlerDeps): Handlers {
  const detail = (orderId: string) => ({
    sale: found(d.repos.sales.get(orderId), 'orderId'),
    payments: d.repos.payments.byOrder(orderId),
    receipt: d.receipts.get(orderId),
    refunds: d.repos.payments.byOrder(orderId).flatMap((p) =>
      d.repos.refunds.byPayment(p.paymentId).map((r) => ({
        paymentId: r.paymentId,
        refundNo: r.refundNo,
        amountFen: r.amountFen,
        state: r.state,
        errorCode: r.errorCode,
      })),
    ),
  });
  return {
    'app.info': () => d.info(),
    'sale.current': () => d.sales.current(),
    'sale.scan': ({ barcode, qty }) => d.sales.scan(barcode, qty),
    'sale.setQty': ({ lineNo, qty }) => d.sales.setQty(lineNo, qty),
    'sale.removeLine': ({ lineNo }) => d.sales.setQty(lineNo, 0),
    'sale.clear': () => d.sales.clear(),
    'pay.start': (input) =>
      input.kind === 'wallet'
        ? d.engine.startWallet(d.sales.current(), input.authCode, input.amountFen)
        : d.engine.startCash(d.sales.current(), input.receivedFen, input.partial ?? false),
    'pay.status': ({ paymentId }) => found(d.engine.get(paymentId), 'paymentId'),
    'pay.cancel': ({ paymentId }) => d.engine.cancel(paymentId),
    'order.refund': async ({ orderId, requestId, amountFen, reason }) => ({
      orderId,
      refunds: (await d.refunds.refundOrder(orderId, requestId, amountFen, reason)).map((r) => ({
        paymentId: r.paymentId,
        refundNo: r.refundNo,
        amountFen: r.amountFen,
        state: r.state,
        errorCode: r.errorCode,
      })),
    }),
    'order.get': ({ orderId }) => detail(orderId),
    'order.find': ({ query }) =>
      detail(
        d.repos.payments.byMerchantOrderNo(query)?.orderId ??
          found(d.repos.sales.get(query), 'query').orderId,
      ),
    'receipt.get': ({ orderId }) => found(d.receipts.get(orderId), 'orderId'),
    'receipt.reprint': async ({ orderId }) => d.receipts.reprint(orderId, d.actor),
    'receipt.preview': ({ orderId }) => d.preview(orderId),
    'printer.info': () => d.technician.info(),
    'printer.list': () => d.technician.list(),
    'printer.status': () => d.technician.status(),
    'printer.test': (opts) => d.technician.test(opts),
    'printer.lastJob': () => d.technician.lastJob(),
    'printer.configure': ({ uri, profile }) => d.technician.configure(uri, profile),
    'printer.report': async () => ({ text: await d.technician.report() }),
    'print.retry': async ({ jobId }) => {
      const job = found(d.jobs.get(jobId), 'jobId');
      // Only a failed job is sent again: a queued or sending one is already on its way.
      if (job.state !== 'FAILED') return job;
      return d.retryPrint(jobId);
    },
  };
}
