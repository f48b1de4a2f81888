import { UPAY_SCHEDULE } from '../schedules';
import type {
  GatewayAnswer,
  GatewaySchedule,
  OrderRef,
  PayRequest,
  PaymentGateway,
  RefundRequest,
} from '../types';
import { toAnswer, toRefundAnswer, type Expectation } from './mapping';
import { postSigned, type TransportOptions } from './transport';
import type { UpayPayBody, UpayRefBody, UpayRefundBody, UpayReply } from './wire';

export interface UpayGatewayOptions {
  baseUrl: string;
  terminalSn: string;
  terminalKey: string;
  /** Per request, including the body read. ~15 s suits a micropay call (payments.md §6). */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  /** Overrides for adapters that reuse this client (the sandbox). */
  name?: string;
  sandbox?: boolean;
  schedule?: GatewaySchedule;
  /** upay refunds name an operator; defaults to 'till'. */
  refundOperator?: string;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

type Ref = Exclude<OrderRef, { tradeNo: string }>;

function refBody(terminalSn: string, ref: Ref): { body: UpayRefBody; want: Expectation } {
  // sn is preferred by the platform; we send exactly the id we were given. Every reply must
  // name our terminal, as WeChat's must name our mch_id.
  return 'sn' in ref
    ? { body: { terminal_sn: terminalSn, sn: ref.sn }, want: { sn: ref.sn, terminalSn } }
    : {
        body: { terminal_sn: terminalSn, client_sn: ref.clientSn },
        want: { clientSn: ref.clientSn, terminalSn },
      };
}

/** upay cannot be asked by the channel's trade_no (SQB query.md: sn or client_sn only). */
const NOT_A_KEY: GatewayAnswer = {
  outcome: 'NOT_FOUND',
  errorCode: 'NOT_A_QUERY_KEY',
  errorMessage: 'upay 只能按 sn 或 client_sn 查询',
};

/** A Shouqianba-style upay v2 client (payments.md §4) behind the PaymentGateway interface. */
export function createUpayGateway(opts: UpayGatewayOptions): PaymentGateway {
  const transport: TransportOptions = {
    baseUrl: opts.baseUrl,
    terminalSn: opts.terminalSn,
    terminalKey: opts.terminalKey,
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetchImpl: opts.fetchImpl ?? fetch,
  };

  async function call(
    path: string,
    body: object,
    want: Expectation,
    map: (r: UpayReply, w: Expectation) => GatewayAnswer = toAnswer,
  ): Promise<GatewayAnswer> {
    const result = await postSigned(transport, path, body);
    return result.ok ? map(result.reply, want) : result.answer;
  }

  return {
    name: opts.name ?? 'upay',
    sandbox: opts.sandbox ?? false,
    schedule: opts.schedule ?? UPAY_SCHEDULE,
    queryKeys: ['sn', 'clientSn'],
    pay(req: PayRequest) {
      const body: UpayPayBody = {
        terminal_sn: opts.terminalSn,
        client_sn: req.clientSn,
        total_amount: String(req.amountFen),
        dynamic_id: req.authCode,
        subject: req.subject,
        operator: req.operator,
      };
      return call('/upay/v2/pay', body, {
        clientSn: req.clientSn,
        amountFen: req.amountFen,
        terminalSn: opts.terminalSn,
      });
    },
    async query(ref: OrderRef) {
      if ('tradeNo' in ref) return NOT_A_KEY;
      const { body, want } = refBody(opts.terminalSn, ref);
      return call('/upay/v2/query', body, want);
    },
    async cancel(ref: OrderRef) {
      if ('tradeNo' in ref) return NOT_A_KEY;
      const { body, want } = refBody(opts.terminalSn, ref);
      return call('/upay/v2/cancel', body, want);
    },
    async refund(req: RefundRequest) {
      if ('tradeNo' in req.ref) return NOT_A_KEY;
      const { body, want } = refBody(opts.terminalSn, req.ref);
      const refund: UpayRefundBody = {
        ...body,
        refund_request_no: req.refundNo,
        refund_amount: String(req.amountFen),
        operator: opts.refundOperator ?? 'till',
      };
      return call('/upay/v2/refund', refund, { ...want, amountFen: req.totalFen }, toRefundAnswer);
    },
  };
}
