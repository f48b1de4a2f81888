import { randomBytes } from 'node:crypto';
import type { Agent as HttpsAgent } from 'node:https';
import { Agent } from 'node:https';
import { postText } from '../http';
import { WECHAT_SCHEDULE } from '../schedules';
import type {
  GatewayAnswer,
  GatewaySchedule,
  OrderRef,
  PaymentGateway,
  RefundRequest,
} from '../types';
import { mapMicropay, mapOrderQuery, mapRefund, mapReverse } from './mapping';
import { checkReply } from './reply';
import { wechatSign, type WechatSignType } from './sign';
import type { WxExpectation, WxReply } from './wire';
import { encodeXml, type XmlFields } from './xml';

export interface WechatGatewayOptions {
  /** https://api.mch.weixin.qq.com in production; the sandbox URL in tests. */
  baseUrl: string;
  appId: string;
  mchId: string;
  /** The v2 API key (32 chars), used for request and reply signatures. */
  apiKey: string;
  signType?: WechatSignType;
  /** Per call, body read included. The official SDK gives micropay 10 s (payments.md §1.1). */
  timeoutMs?: number;
  /** spbill_create_ip: the till's address as WeChat requires it. */
  clientIp?: string;
  deviceInfo?: string;
  /** Client certificate for /secapi (reverse, refund): an Agent, or the parts to build one. */
  certAgent?: HttpsAgent;
  cert?: {
    pfx?: Buffer;
    passphrase?: string;
    cert?: string | Buffer;
    key?: string | Buffer;
    ca?: string | Buffer;
  };
  schedule?: GatewaySchedule;
  name?: string;
  sandbox?: boolean;
}

type Mapper = (r: WxReply) => GatewayAnswer;

/** WeChat Pay v2 付款码 (micropay) behind the PaymentGateway interface (payments.md §1). */
export function createWechatGateway(opts: WechatGatewayOptions): PaymentGateway {
  const signType = opts.signType ?? 'HMAC-SHA256';
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const certAgent =
    opts.certAgent ?? (opts.cert ? new Agent({ ...opts.cert, keepAlive: true }) : undefined);
  const base = opts.baseUrl.replace(/\/+$/, '');

  async function call(
    path: string,
    fields: XmlFields,
    want: Omit<WxExpectation, 'appId' | 'mchId'>,
    map: Mapper,
    secure = false,
  ): Promise<GatewayAnswer> {
    const all: XmlFields = {
      appid: opts.appId,
      mch_id: opts.mchId,
      nonce_str: randomBytes(16).toString('hex'),
      sign_type: signType,
      ...fields,
    };
    all.sign = wechatSign(all, opts.apiKey, signType);
    const res = await postText(`${base}${path}`, encodeXml(all), 'text/xml; charset=utf-8', {
      timeoutMs,
      ...(secure && certAgent !== undefined && { agent: certAgent }),
    });
    const checked = res.ok
      ? checkReply(res.status, res.text, opts.apiKey, signType, {
          appId: opts.appId,
          mchId: opts.mchId,
          ...want,
        })
      : { ok: false as const, answer: res.answer };
    return checked.ok ? map(checked.reply) : checked.answer;
  }

  /**
   * transaction_id wins when we have it (payments.md §1.7); the engine mostly has out_trade_no.
   * A direct connection has no platform no. of its own: `sn` is the channel's transaction_id.
   */
  const refFields = (ref: OrderRef): { fields: XmlFields; want: Partial<WxExpectation> } => {
    if ('clientSn' in ref)
      return { fields: { out_trade_no: ref.clientSn }, want: { outTradeNo: ref.clientSn } };
    const id = 'sn' in ref ? ref.sn : ref.tradeNo;
    return { fields: { transaction_id: id }, want: { transactionId: id } };
  };

  return {
    name: opts.name ?? 'wechat',
    sandbox: opts.sandbox ?? false,
    schedule: opts.schedule ?? WECHAT_SCHEDULE,
    queryKeys: ['tradeNo', 'clientSn'],
    pay(req) {
      const fields: XmlFields = {
        body: req.subject.slice(0, 127),
        out_trade_no: req.clientSn,
        total_fee: String(req.amountFen),
        spbill_create_ip: opts.clientIp ?? '127.0.0.1',
        auth_code: req.authCode,
        ...(opts.deviceInfo !== undefined && { device_info: opts.deviceInfo }),
      };
      return call(
        '/pay/micropay',
        fields,
        { outTradeNo: req.clientSn, totalFen: req.amountFen },
        mapMicropay,
      );
    },
    query(ref) {
      const { fields, want } = refFields(ref);
      return call('/pay/orderquery', fields, want, mapOrderQuery);
    },
    async cancel(ref) {
      const { fields, want } = refFields(ref);
      const a = await call('/secapi/pay/reverse', fields, want, mapReverse, true);
      // "When reverse returns nothing or an error, call it again" (WX-MP, payments.md §1.7).
      return a.outcome === 'UNKNOWN' && a.retry === undefined ? { ...a, retry: true } : a;
    },
    refund(req: RefundRequest) {
      const { fields, want } = refFields(req.ref);
      return call(
        '/secapi/pay/refund',
        {
          ...fields,
          out_refund_no: req.refundNo,
          total_fee: String(req.totalFen),
          refund_fee: String(req.amountFen),
          ...(req.reason !== undefined && { refund_desc: req.reason.slice(0, 80) }),
        },
        { ...want, totalFen: req.totalFen, outRefundNo: req.refundNo, refundFen: req.amountFen },
        mapRefund,
        true,
      );
    },
  };
}
