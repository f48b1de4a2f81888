import type { Channel } from '../types';
import { newPlatformSn, newTradeNo } from './ids';
import type { ScenarioBehaviour } from './scenarios';

export type SandboxOrderStatus = 'CREATED' | 'PAID' | 'PAY_CANCELED' | 'CANCELED';

export interface SandboxOrder {
  sn: string;
  clientSn: string;
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
  /** Pending customer action decided at creation; applied lazily against now(). */
  pending?: { at: number; then: 'PAID' | 'PAY_CANCELED' };
  errorCode?: string;
  errorMessage?: string;
}

/** What each customer was actually charged: the ground truth for tests. */
export interface LedgerEntry {
  clientSn: string;
  sn: string;
  channel: Channel;
  amountFen: number;
  authCode: string;
  state: 'charged' | 'refunded' | 'not charged';
  orderStatus: SandboxOrderStatus;
}

export interface NewOrder {
  clientSn: string;
  channel: Channel;
  amountFen: number;
  authCode: string;
  subject: string;
  operator: string;
}

/** In-memory orders of one sandbox; time comes from `now` so tests can jump the clock. */
export class OrderBook {
  private readonly byClientSn = new Map<string, SandboxOrder>();
  private readonly bySn = new Map<string, SandboxOrder>();
  private readonly usedCodes = new Set<string>();

  constructor(private readonly now: () => number) {}

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
    const order: SandboxOrder = { ...input, sn, status: 'CREATED', createdAt: at, wasPaid: false };
    if (behaviour.kind === 'instant') this.markPaid(order, at);
    else if (behaviour.kind === 'fail')
      this.refuse(order, behaviour.errorCode, behaviour.errorMessage);
    else order.pending = { at: at + behaviour.afterMs, then: behaviour.then };
    this.byClientSn.set(order.clientSn, order);
    this.bySn.set(sn, order);
    return order;
  }

  refuse(order: SandboxOrder, errorCode: string, errorMessage: string): void {
    order.status = 'PAY_CANCELED';
    order.errorCode = errorCode;
    order.errorMessage = errorMessage;
  }

  find(ref: { sn?: string; clientSn?: string }): SandboxOrder | undefined {
    const order =
      ref.sn !== undefined ? this.bySn.get(ref.sn) : this.byClientSn.get(ref.clientSn ?? '');
    if (order) this.settle(order);
    return order;
  }

  /** 自动撤单: an unpaid order is closed for good; a paid one is refunded. */
  cancel(order: SandboxOrder): void {
    this.settle(order);
    delete order.pending;
    if (order.status === 'CREATED' || order.status === 'PAID') order.status = 'CANCELED';
  }

  ledger(): LedgerEntry[] {
    return [...this.byClientSn.values()].map((o) => {
      this.settle(o);
      const state = !o.wasPaid ? 'not charged' : o.status === 'PAID' ? 'charged' : 'refunded';
      return {
        clientSn: o.clientSn,
        sn: o.sn,
        channel: o.channel,
        amountFen: o.amountFen,
        authCode: o.authCode,
        state,
        orderStatus: o.status,
      };
    });
  }

  /** Apply the customer's pending action once its time has come. */
  private settle(order: SandboxOrder): void {
    const p = order.pending;
    if (!p || this.now() < p.at) return;
    delete order.pending;
    if (p.then === 'PAID') this.markPaid(order, p.at);
    else this.refuse(order, 'TRADE_TIMEOUT', '顾客未输入密码，交易超时已撤销');
  }

  private markPaid(order: SandboxOrder, at: number): void {
    order.status = 'PAID';
    order.wasPaid = true;
    order.paidAt = at;
    order.tradeNo = newTradeNo(order.channel, at);
  }
}
