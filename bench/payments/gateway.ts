import { WECHAT_SCHEDULE } from '../../electron/gateway/schedules';
import {
  refValue,
  type GatewayAnswer,
  type GatewaySchedule,
  type OrderRef,
  type PaymentGateway,
} from '../../electron/gateway/types';
import {
  mapMicropay,
  mapOrderQuery,
  mapRefund,
  mapReverse,
} from '../../electron/gateway/wechat/mapping';
import type { Acquirer } from './acquirer';
import { indexOfAuthCode } from './customers';
import type { Fault, Network } from './faults';

/** Client timeouts of the WeChat SDKs (WxPayApi.php: micropay 10 s, everything else 6 s). */
export const TIMEOUTS = { pay: 10_000, query: 6_000, reverse: 6_000, refund: 6_000 } as const;

/**
 * The acquirer seen through our own WeChat adapter's mapping (electron/gateway/wechat/mapping.ts):
 * what the engine gets is exactly what the real adapter would make of these replies. A transport
 * failure is UNKNOWN, as in the real client. Every call goes through the bench network, so the
 * reconciler's queries and the refund service's refunds meet the same faults and outages as
 * the payment loop's calls for that payment.
 */
export function createBenchGateway(
  acquirer: Acquirer,
  net: Network,
  schedule: GatewaySchedule = WECHAT_SCHEDULE,
): PaymentGateway & { indexOf: Map<string, number> } {
  const indexOf = new Map<string, number>();
  // Named as the real adapters name them (HTTP_<status>, NETWORK_TIMEOUT).
  const unknown = (fault: Fault): GatewayAnswer => ({
    outcome: 'UNKNOWN',
    errorCode: fault === 'http-5xx' ? 'HTTP_500' : 'NETWORK_TIMEOUT',
  });
  const orderNo = (ref: OrderRef): string => refValue(ref);
  const indexFor = (ref: OrderRef): number => {
    const i = indexOf.get(orderNo(ref));
    if (i === undefined) throw new Error(`bench gateway: unknown order ${orderNo(ref)}`);
    return i;
  };
  return {
    name: 'bench-wechat',
    sandbox: true,
    schedule,
    queryKeys: ['clientSn'],
    indexOf,
    async pay(req) {
      const index = indexOfAuthCode(req.authCode);
      indexOf.set(req.clientSn, index);
      const d = await net.call(index, 'pay', TIMEOUTS.pay, () =>
        acquirer.micropay({
          outTradeNo: req.clientSn,
          authCode: req.authCode,
          amountFen: req.amountFen,
        }),
      );
      return d.ok ? mapMicropay(d.reply) : unknown(d.fault);
    },
    async query(ref) {
      const d = await net.call(indexFor(ref), 'query', TIMEOUTS.query, () =>
        acquirer.orderquery(orderNo(ref)),
      );
      return d.ok ? mapOrderQuery(d.reply) : unknown(d.fault);
    },
    async cancel(ref) {
      const d = await net.call(indexFor(ref), 'reverse', TIMEOUTS.reverse, () =>
        acquirer.reverse(orderNo(ref)),
      );
      return d.ok ? mapReverse(d.reply) : unknown(d.fault);
    },
    async refund(req) {
      const d = await net.call(indexFor(req.ref), 'refund', TIMEOUTS.refund, () =>
        acquirer.refund({
          outTradeNo: orderNo(req.ref),
          outRefundNo: req.refundNo,
          totalFee: req.totalFen,
          refundFee: req.amountFen,
        }),
      );
      return d.ok ? mapRefund(d.reply) : unknown(d.fault);
    },
  };
}
