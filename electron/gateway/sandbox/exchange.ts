import type { AlipayCredentials, WechatCredentials } from './credentials';
import type { FaultState } from './faults';
import type { OrderBook } from './orders';

/** One answered request, before the network faults decide how (and whether) it leaves. */
export interface Exchange {
  status: number;
  contentType: string;
  /** badSignature = sign it wrong (WeChat/Alipay); ignored by unsigned protocols. */
  render(badSignature: boolean): string;
  signed: boolean;
  /** Scenario 3333: the customer is charged and this reply never arrives. */
  lostReply?: boolean;
}

export interface SandboxContext {
  book: OrderBook;
  faults: FaultState;
  terminal: { sn: string; key: string };
  wechat: WechatCredentials;
  alipay: () => AlipayCredentials;
}

export const jsonExchange = (status: number, value: unknown, lostReply = false): Exchange => ({
  status,
  contentType: 'application/json; charset=utf-8',
  render: () => JSON.stringify(value),
  signed: false,
  ...(lostReply && { lostReply }),
});
