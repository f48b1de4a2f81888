import type { Channel } from '../types';
import { newPlatformSn, newTradeNo } from './ids';
import type { ScenarioBehaviour } from './scenarios';

export type SandboxProtocol = 'upay' | 'wechat' | 'alipay';

export type SandboxOrderStatus =
  'CREATED' | 'PAID' | 'PAY_CANCELED' | 'CANCELED' | 'REFUNDED' | 'PARTIAL_REFUNDED';

/** WeChat closes an unpaid micropay order 45 s after creation (WX-QUERYMECH, payments.md §1.9). */
export const WECHAT_AUTO_REVOKE_MS = 45_000;

export interface SandboxOrder {
  sn: string;
  clientSn: string;
  protocol: SandboxProtocol;
  channel: Channel;
  amountFen: number;
  authCode: string;
  subject: string;
  operator: string;
  status: SandboxOrderStatus;
  createdAt: number;
  tradeNo?: string;
  paidAt?: number;
  /** Money was taken at some point (so a later cancel is a refund). */
  wasPaid: boolean;
  refundedFen: number;
  /** refund no. → amount: the idempotency record of every refund. */
  refunds: Map<string, number>;
  /** Pending customer action decided at creation; applied lazily against now(). */
  pending?: { at: number; then: 'PAID' | 'PAY_CANCELED' };
  /** Scenario 7777: the payment lands the moment the till reverses. */
  payOnReverse?: boolean;
  /** Scenario 5555 (upay): the channel's success, known to the customer, not yet to the platform. */
  walletPaid?: { at: number; tradeNo: string };
  /** The upay terminal that created the order (upay replies name it). */
  terminalSn?: string;
  /** Why an unpaid order ended: WeChat shows REVOKED for these, PAYERROR for a refusal. */
  closedBy?: 'cancel' | 'auto-revoke';
  errorCode?: string;
  errorMessage?: string;
}

export interface NewOrder {
  terminalSn?: string;
  clientSn: string;
  protocol: SandboxProtocol;
  channel: Channel;
  amountFen: number;
  authCode: string;
  subject: string;
  operator: string;
}

/** The customer's payment voucher (see OrderBook.voucher). */
export interface Voucher {
  channel: Channel;
  amountFen: number;
  /** WeChat 交易单号 / Alipay 订单号. */
  tradeNo: string;
  /** WeChat 商户单号 / Alipay 商家订单号. */
  merchantNo: string;
  paidAt: string;
  /** The money went back (a reversal or a full refund). */
  refunded: boolean;
}

export type RefundResult =
  { ok: true; fresh: boolean } | { ok: false; reason: 'NOT_PAID' | 'NOT_ENOUGH' | 'CONFLICT' };

/** In-memory orders of one sandbox, shared by all three protocols; time comes from `now`. */
export class OrderBook {
  private readonly byClientSn = new Map<string, SandboxOrder>();
  private readonly bySn = new Map<string, SandboxOrder>();
  private readonly byTradeNo = new Map<string, SandboxOrder>();
  private readonly usedCodes = new Set<string>();

  constructor(readonly now: () => number) {}

  hasClientSn(clientSn: string): boolean {
    return this.byClientSn.has(clientSn);
  }

  /** Marks the code used and reports whether it had been used before. */
  consumeCode(code: string): boolean {
    const seen = this.usedCodes.has(code);
    this.usedCodes.add(code);
    return seen;
  }

  create(input: NewOrder, behaviour: ScenarioBehaviour): SandboxOrder {
    let sn = newPlatformSn();
    while (this.bySn.has(sn)) sn = newPlatformSn();
    const at = this.now();
    const order: SandboxOrder = {
      ...input,
      sn,
      status: 'CREATED',
      createdAt: at,
      wasPaid: false,
      refundedFen: 0,
      refunds: new Map(),
    };
    if (behaviour.kind === 'instant' || behaviour.kind === 'lostReply') this.markPaid(order, at);
    else if (behaviour.kind === 'fail')
      this.refuse(order, behaviour.errorCode, behaviour.errorMessage);
    else if (behaviour.kind === 'payOnReverse') order.payOnReverse = true;
    else if (behaviour.kind === 'lateNotice') {
      if (input.protocol === 'upay') {
        // Charged now (a later cancel refunds it); the platform shows PAID only at the notice.
        order.walletPaid = { at, tradeNo: newTradeNo(order.channel, at) };
        order.wasPaid = true;
      }
      order.pending = { at: at + behaviour.noticeAfterMs, then: 'PAID' };
    } else order.pending = { at: at + behaviour.afterMs, then: behaviour.then };
    this.byClientSn.set(order.clientSn, order);
    this.bySn.set(sn, order);
    return order;
  }

  refuse(order: SandboxOrder, errorCode: string, errorMessage: string): void {
    order.status = 'PAY_CANCELED';
    order.errorCode = errorCode;
    order.errorMessage = errorMessage;
  }

  find(ref: { sn?: string; clientSn?: string; tradeNo?: string }): SandboxOrder | undefined {
    const order =
      ref.tradeNo !== undefined
        ? this.byTradeNo.get(ref.tradeNo)
        : ref.sn !== undefined
          ? this.bySn.get(ref.sn)
          : this.byClientSn.get(ref.clientSn ?? '');
    if (order) this.settle(order);
    return order;
  }

  /** Scenario 7777: a reverse/cancel arriving while the customer types lands their payment first. */
  racePay(order: SandboxOrder): boolean {
    this.settle(order);
    if (!order.payOnReverse || order.status !== 'CREATED') return false;
    delete order.payOnReverse;
    this.markPaid(order, this.now());
    return true;
  }

  /** 自动撤单 / reverse / cancel: an unpaid order is closed for good; a paid one is refunded in full. */
  cancel(order: SandboxOrder): void {
    this.settle(order);
    delete order.pending;
    delete order.payOnReverse;
    if (order.status === 'CREATED') order.closedBy = 'cancel';
    if (
      order.status === 'CREATED' ||
      order.status === 'PAID' ||
      order.status === 'PARTIAL_REFUNDED'
    ) {
      order.status = 'CANCELED';
      if (order.wasPaid) {
        order.refundedFen = order.amountFen;
        // The platform reversed the channel's charge, so it knows that charge's no. from now on.
        if (order.walletPaid) order.tradeNo ??= order.walletPaid.tradeNo;
      }
    }
  }

  /** Idempotent by refund no.: the same no. and amount answers again without moving money. */
  refund(order: SandboxOrder, refundNo: string, amountFen: number): RefundResult {
    this.settle(order);
    const earlier = order.refunds.get(refundNo);
    if (earlier !== undefined) {
      return earlier === amountFen ? { ok: true, fresh: false } : { ok: false, reason: 'CONFLICT' };
    }
    if (order.status !== 'PAID' && order.status !== 'PARTIAL_REFUNDED')
      return { ok: false, reason: 'NOT_PAID' };
    if (amountFen <= 0 || order.refundedFen + amountFen > order.amountFen)
      return { ok: false, reason: 'NOT_ENOUGH' };
    order.refunds.set(refundNo, amountFen);
    order.refundedFen += amountFen;
    order.status = order.refundedFen === order.amountFen ? 'REFUNDED' : 'PARTIAL_REFUNDED';
    return { ok: true, fresh: true };
  }

  all(): SandboxOrder[] {
    return [...this.byClientSn.values()].map((o) => {
      this.settle(o);
      return o;
    });
  }

  /** Apply the customer's pending action once its time has come, then WeChat's 45-s auto-revoke. */
  private settle(order: SandboxOrder): void {
    const p = order.pending;
    const revokeAt = order.createdAt + WECHAT_AUTO_REVOKE_MS;
    const revokes = order.protocol === 'wechat';
    if (p && this.now() >= p.at && !(revokes && p.at > revokeAt)) {
      delete order.pending;
      if (p.then === 'PAID') this.markPaid(order, p.at);
      else this.refuse(order, 'TRADE_TIMEOUT', '顾客未输入密码，交易超时已撤销');
    }
    if (revokes && order.status === 'CREATED' && this.now() >= revokeAt) {
      delete order.pending;
      delete order.payOnReverse;
      order.status = 'CANCELED';
      order.closedBy = 'auto-revoke';
    }
  }

  private markPaid(order: SandboxOrder, at: number): void {
    order.status = 'PAID';
    order.wasPaid = true;
    // A late notice carries the channel's own no. and time, as the customer's phone shows them.
    order.paidAt = order.walletPaid?.at ?? at;
    order.tradeNo = order.walletPaid?.tradeNo ?? newTradeNo(order.channel, at);
    this.byTradeNo.set(order.tradeNo, order);
  }

  /**
   * What the customer's phone shows (账单详情) for the payment made with this code, once the
   * wallet took the money: 交易单号 / 订单号 = the channel's trade no.; 商户单号 / 商家订单号 =
   * the merchant of record's order no. — the platform's sn through an aggregator, the till's
   * out_trade_no on a direct connection (recovery.md).
   */
  voucher(authCode: string): Voucher | null {
    const order = this.all().find((o) => o.authCode === authCode && o.wasPaid);
    if (!order) return null;
    const tradeNo = order.tradeNo ?? order.walletPaid?.tradeNo;
    const at = order.walletPaid?.at ?? order.paidAt;
    if (tradeNo === undefined || at === undefined) return null;
    return {
      channel: order.channel,
      amountFen: order.amountFen,
      tradeNo,
      merchantNo: order.protocol === 'upay' ? order.sn : order.clientSn,
      paidAt: new Date(at).toISOString(),
      refunded: order.refundedFen >= order.amountFen,
    };
  }
}
