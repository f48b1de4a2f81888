import type { Channel } from '../types';

/**
 * Customer behaviour in the sandbox, picked by the LAST FOUR digits of the payment code.
 * This table is data because the UI shows it to the cashier. A code is single use, so for
 * each new payment change any middle digit (or use makeSandboxCode).
 */

export type ScenarioBehaviour =
  | { kind: 'instant' }
  /** The customer is typing the password: CREATED until `afterMs` after pay, then `then`. */
  | { kind: 'delayed'; afterMs: number; then: 'PAID' | 'PAY_CANCELED' }
  | { kind: 'fail'; errorCode: string; errorMessage: string }
  /** Pays at once, but the pay reply is lost on the way back (socket destroyed): 掉单. */
  | { kind: 'lostReply' }
  /** Types the password until the till reverses/cancels — and completes just as it does. */
  | { kind: 'payOnReverse' }
  /**
   * Through an aggregator (upay): the channel takes the money at once and the customer's phone
   * shows success, but the platform hears of it only `noticeAfterMs` later (掉单, the seed's
   * points 3 and 4). Direct protocols have no platform in between: there it is a delayed success.
   */
  | { kind: 'lateNotice'; noticeAfterMs: number };

export interface SandboxScenario {
  id: string;
  /** null = every suffix not listed elsewhere. */
  suffix: string | null;
  labelZh: string;
  labelEn: string;
  behaviour: ScenarioBehaviour;
  examples: Record<Channel, string>;
}

export const SANDBOX_SCENARIOS: readonly SandboxScenario[] = [
  {
    id: 'SUCCESS',
    suffix: null,
    labelZh: '立即支付成功（其他任意尾号）',
    labelEn: 'Instant success (any other last four digits)',
    behaviour: { kind: 'instant' },
    examples: { WECHAT: '134567890123450001', ALIPAY: '287654321098760001' },
  },
  {
    id: 'PASSWORD_10S',
    suffix: '1010',
    labelZh: '顾客输入密码约 10 秒后支付成功',
    labelEn: 'Customer enters the password, paid after ~10 s',
    behaviour: { kind: 'delayed', afterMs: 10_000, then: 'PAID' },
    examples: { WECHAT: '134567890123451010', ALIPAY: '287654321098761010' },
  },
  {
    id: 'PASSWORD_2S',
    suffix: '1002',
    labelZh: '顾客输入密码约 2 秒后支付成功',
    labelEn: 'Customer enters the password, paid after ~2 s',
    behaviour: { kind: 'delayed', afterMs: 2_000, then: 'PAID' },
    examples: { WECHAT: '134567890123451002', ALIPAY: '287654321098761002' },
  },
  {
    id: 'INSUFFICIENT_FUND',
    suffix: '4444',
    labelZh: '余额不足，支付失败',
    labelEn: 'Insufficient funds, payment fails',
    behaviour: { kind: 'fail', errorCode: 'INSUFFICIENT_FUND', errorMessage: '余额不足' },
    examples: { WECHAT: '134567890123454444', ALIPAY: '287654321098764444' },
  },
  {
    id: 'EXPIRED_BARCODE',
    suffix: '8888',
    labelZh: '付款码已过期，支付失败',
    labelEn: 'Expired payment code, payment fails',
    behaviour: { kind: 'fail', errorCode: 'EXPIRED_BARCODE', errorMessage: '付款码已过期' },
    examples: { WECHAT: '134567890123458888', ALIPAY: '287654321098768888' },
  },
  {
    id: 'ABANDON',
    suffix: '9999',
    labelZh: '顾客放弃输入密码，45 秒后订单取消',
    labelEn: 'Customer abandons the password, canceled after 45 s',
    behaviour: { kind: 'delayed', afterMs: 45_000, then: 'PAY_CANCELED' },
    examples: { WECHAT: '134567890123459999', ALIPAY: '287654321098769999' },
  },
  {
    id: 'PAYS_DURING_REVERSE',
    suffix: '7777',
    labelZh: '顾客在收银台撤单的同时完成支付（撤单竞态）',
    labelEn: 'Customer pays just as the till reverses (race)',
    behaviour: { kind: 'payOnReverse' },
    examples: { WECHAT: '134567890123457777', ALIPAY: '287654321098767777' },
  },
  {
    id: 'CODE_REUSED',
    suffix: '2222',
    labelZh: '付款码已被使用过，支付失败',
    labelEn: 'Payment code already used, payment fails',
    behaviour: {
      kind: 'fail',
      errorCode: 'INVALID_BARCODE',
      errorMessage: '付款码已使用，请刷新后重新出示',
    },
    examples: { WECHAT: '134567890123452222', ALIPAY: '287654321098762222' },
  },
  {
    id: 'LATE_NOTICE',
    suffix: '5555',
    labelZh: '顾客已付款（手机显示成功），支付平台约 5 分钟后才收到结果（掉单，需同步）',
    labelEn: 'Customer charged (phone shows success); the platform learns ~5 min later (sync it)',
    behaviour: { kind: 'lateNotice', noticeAfterMs: 300_000 },
    examples: { WECHAT: '134567890123455555', ALIPAY: '287654321098765555' },
  },
  {
    id: 'REPLY_LOST',
    suffix: '3333',
    labelZh: '已扣款，但支付应答在网络中丢失（掉单）',
    labelEn: 'Charged, but the pay reply is lost (dropped order)',
    behaviour: { kind: 'lostReply' },
    examples: { WECHAT: '134567890123453333', ALIPAY: '287654321098763333' },
  },
];

export function scenarioForCode(code: string): SandboxScenario {
  const suffix = code.slice(-4);
  const hit = SANDBOX_SCENARIOS.find((s) => s.suffix === suffix);
  const fallback = SANDBOX_SCENARIOS.find((s) => s.suffix === null);
  if (hit) return hit;
  if (!fallback) throw new Error('SANDBOX_SCENARIOS has no default row');
  return fallback;
}

/** A fresh code for a scenario: `n` fills the middle digits so each call can be unique. */
export function makeSandboxCode(channel: Channel, suffix: string, n: number): string {
  const middle = String(n % 1e12).padStart(12, '0');
  return `${channel === 'WECHAT' ? '13' : '28'}${middle}${suffix}`;
}
