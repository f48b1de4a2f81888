import { postText } from '../http';
import { ALIPAY_SCHEDULE } from '../schedules';
import type { GatewayAnswer, GatewaySchedule, OrderRef, PaymentGateway } from '../types';
import { mapCancel, mapPay, mapQuery, mapRefund } from './mapping';
import { fenToYuan } from './money';
import { checkAlipayReply, type AliExpectation } from './reply';
import { requestSignContent, rsa2Sign } from './sign';
import { beijingTimestamp, METHOD_KEY, type AliBody, type AliMethod } from './wire';

export interface AlipayGatewayOptions {
  /** https://openapi.alipay.com in production; requests go to `<baseUrl>/gateway.do`. */
  baseUrl: string;
  appId: string;
  /** The app's RSA2 private key (PEM, PKCS#1 or PKCS#8). */
  privateKeyPem: string;
  /** Alipay's public key (not the app's): replies are verified with it. */
  alipayPublicKeyPem: string;
  /** Service providers acting for a merchant. */
  appAuthToken?: string;
  storeId?: string;
  terminalId?: string;
  timeoutMs?: number;
  /** Clock for the `timestamp` param; tests pin it. */
  now?: () => number;
  schedule?: GatewaySchedule;
  name?: string;
  sandbox?: boolean;
}

/** Alipay 当面付 bar-code pay over OpenAPI 2.0 (payments.md §2) behind the PaymentGateway interface. */
export function createAlipayGateway(opts: AlipayGatewayOptions): PaymentGateway {
  const url = `${opts.baseUrl.replace(/\/+$/, '')}/gateway.do`;
  const now = opts.now ?? Date.now;
  const timeoutMs = opts.timeoutMs ?? 15_000;

  async function call(
    method: AliMethod,
    biz: Record<string, string>,
    want: AliExpectation,
    map: (b: AliBody) => GatewayAnswer,
  ): Promise<GatewayAnswer> {
    const params: Record<string, string> = {
      app_id: opts.appId,
      method,
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: beijingTimestamp(now()),
      version: '1.0',
      biz_content: JSON.stringify(biz),
      ...(opts.appAuthToken !== undefined && { app_auth_token: opts.appAuthToken }),
    };
    params.sign = rsa2Sign(requestSignContent(params), opts.privateKeyPem);
    const res = await postText(
      url,
      new URLSearchParams(params).toString(),
      'application/x-www-form-urlencoded;charset=utf-8',
      { timeoutMs },
    );
    if (!res.ok) return res.answer;
    const checked = checkAlipayReply(
      res.status,
      res.text,
      METHOD_KEY[method],
      opts.alipayPublicKeyPem,
      want,
    );
    return checked.ok ? map(checked.body) : checked.answer;
  }

  /** A direct connection has no platform no. of its own: `sn` is Alipay's trade_no. */
  const ref = (r: OrderRef): { biz: Record<string, string>; want: AliExpectation } => {
    if ('clientSn' in r)
      return { biz: { out_trade_no: r.clientSn }, want: { outTradeNo: r.clientSn } };
    const id = 'sn' in r ? r.sn : r.tradeNo;
    return { biz: { trade_no: id }, want: { tradeNo: id } };
  };

  return {
    name: opts.name ?? 'alipay',
    sandbox: opts.sandbox ?? false,
    schedule: opts.schedule ?? ALIPAY_SCHEDULE,
    queryKeys: ['tradeNo', 'clientSn'],
    pay(req) {
      const biz = {
        out_trade_no: req.clientSn,
        scene: 'bar_code',
        auth_code: req.authCode,
        product_code: 'FACE_TO_FACE_PAYMENT',
        subject: req.subject.slice(0, 256),
        total_amount: fenToYuan(req.amountFen),
        operator_id: req.operator,
        ...(opts.storeId !== undefined && { store_id: opts.storeId }),
        ...(opts.terminalId !== undefined && { terminal_id: opts.terminalId }),
      };
      return call(
        'alipay.trade.pay',
        biz,
        { outTradeNo: req.clientSn, totalFen: req.amountFen },
        mapPay,
      );
    },
    query(r) {
      const { biz, want } = ref(r);
      return call('alipay.trade.query', biz, want, mapQuery);
    },
    async cancel(r) {
      const { biz, want } = ref(r);
      const a = await call('alipay.trade.cancel', biz, want, mapCancel);
      // No answer at all: the F2F demo retries the cancel (payments.md §3).
      return a.outcome === 'UNKNOWN' && a.retry === undefined ? { ...a, retry: true } : a;
    },
    refund(req) {
      const { biz, want } = ref(req.ref);
      return call(
        'alipay.trade.refund',
        {
          ...biz,
          refund_amount: fenToYuan(req.amountFen),
          out_request_no: req.refundNo,
          ...(req.reason !== undefined && { refund_reason: req.reason.slice(0, 256) }),
        },
        want,
        mapRefund,
      );
    },
  };
}
