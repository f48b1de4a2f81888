import { describe, expect, it } from 'vitest';
import {
  ALIPAY_SCHEDULE,
  UPAY_SCHEDULE,
  WECHAT_SCHEDULE,
} from '../../../electron/gateway/schedules';
import { toRefundAnswer } from '../../../electron/gateway/upay/mapping';
import type { UpayReply } from '../../../electron/gateway/upay/wire';

const reply = (result_code: string, order_status: string, error_code?: string): UpayReply => ({
  result_code: '200',
  biz_response: {
    result_code,
    ...(error_code && { error_code, error_message: '说明' }),
    data: { sn: '7800000000000001', client_sn: 'C1', order_status, total_amount: '1250' },
  },
});
const want = { clientSn: 'C1', amountFen: 1250 };

describe('upay refund replies', () => {
  it.each([
    ['REFUND_SUCCESS', 'REFUNDED', 'REFUNDED', undefined],
    ['REFUND_SUCCESS', 'PARTIAL_REFUNDED', 'REFUNDED', undefined],
    ['REFUND_SUCCESS', 'PAID', 'UNKNOWN', undefined],
    ['REFUND_FAIL', 'PAID', 'FAILED', undefined],
    ['REFUND_ERROR', 'REFUND_ERROR', 'UNKNOWN', true],
    ['REFUND_IN_PROGRESS', 'PAID', 'UNKNOWN', true],
  ])('%s with %s → %s (retry %s)', (rc, status, outcome, retry) => {
    const a = toRefundAnswer(reply(rc, status), want);
    expect(a.outcome).toBe(outcome);
    expect(a.retry).toBe(retry);
  });

  it('REFUND_FAIL keeps the reason; another order is MISMATCH', () => {
    expect(
      toRefundAnswer(reply('REFUND_FAIL', 'PAID', 'REFUNDABLE_AMOUNT_NOT_ENOUGH'), want),
    ).toMatchObject({
      outcome: 'FAILED',
      errorCode: 'REFUNDABLE_AMOUNT_NOT_ENOUGH',
    });
    expect(toRefundAnswer(reply('REFUND_SUCCESS', 'REFUNDED'), { clientSn: 'C2' }).errorCode).toBe(
      'MISMATCH',
    );
  });
});

describe('acquirer schedules (payments.md §1.9, §2.6, §4)', () => {
  it('WeChat: queries 5–27 s after the scan 5.5 s apart, 30 s window, reverse ≥ 15 s after pay, ≤ 10 attempts', () => {
    expect(WECHAT_SCHEDULE).toMatchObject({
      firstQueryMs: 5_000,
      queryAtMs: [5_000, 10_500, 16_000, 21_500, 27_000],
      windowMs: 30_000,
      reverseNotBeforeMs: 15_000,
      reverseAttempts: 10,
      payRetries: 2,
    });
  });
  it('Alipay: 3–6 s interval, 60 s window, cancel + 3 retries 2 s apart', () => {
    expect(ALIPAY_SCHEDULE.intervalMs).toBeGreaterThanOrEqual(3_000);
    expect(ALIPAY_SCHEDULE.intervalMs).toBeLessThanOrEqual(6_000);
    expect(ALIPAY_SCHEDULE).toMatchObject({
      windowMs: 60_000,
      reverseAttempts: 4,
      reverseIntervalMs: 2_000,
    });
  });
  it('upay: every 3 s, then 5 s, 45 s window, never a pay retry; every schedule keeps its own gap', () => {
    expect(UPAY_SCHEDULE).toMatchObject({ firstQueryMs: 3_000, windowMs: 45_000, payRetries: 0 });
    for (const s of [WECHAT_SCHEDULE, ALIPAY_SCHEDULE, UPAY_SCHEDULE]) {
      expect(s.intervalMs).toBeGreaterThanOrEqual(s.minQueryGapMs);
      expect(s.firstQueryMs).toBeGreaterThanOrEqual(s.minQueryGapMs);
      expect(s.queryAtMs?.[0]).toBe(s.firstQueryMs);
      const at = s.queryAtMs ?? [];
      for (let i = 1; i < at.length; i++)
        expect((at[i] as number) - (at[i - 1] as number)).toBeGreaterThanOrEqual(s.minQueryGapMs);
      expect(at.at(-1) ?? 0).toBeLessThan(s.windowMs);
      expect(Object.isFrozen(s)).toBe(true);
    }
  });
});
