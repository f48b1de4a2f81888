import { describe, expect, it } from 'vitest';
import { classifyPaymentCode } from '../../../shared/codes';
import {
  makeSandboxCode,
  SANDBOX_SCENARIOS,
  scenarioForCode,
} from '../../../electron/gateway/sandbox/scenarios';

describe('sandbox scenario table', () => {
  it('every example code belongs to its channel and picks its own row', () => {
    for (const s of SANDBOX_SCENARIOS) {
      expect(classifyPaymentCode(s.examples.WECHAT)).toBe('WECHAT');
      expect(classifyPaymentCode(s.examples.ALIPAY)).toBe('ALIPAY');
      expect(scenarioForCode(s.examples.WECHAT).id).toBe(s.id);
      expect(scenarioForCode(s.examples.ALIPAY).id).toBe(s.id);
      expect(s.labelZh).toMatch(/[\u4e00-\u9fff]/);
      expect(s.labelEn).toMatch(/[a-z]/i);
    }
  });

  it('has exactly one default row and unique suffixes', () => {
    expect(SANDBOX_SCENARIOS.filter((s) => s.suffix === null)).toHaveLength(1);
    const suffixes = SANDBOX_SCENARIOS.flatMap((s) => (s.suffix ? [s.suffix] : []));
    expect(new Set(suffixes).size).toBe(suffixes.length);
    expect(suffixes).toEqual(expect.arrayContaining(['1010', '1002', '4444', '8888', '9999']));
  });

  it('behaviours match the documented timings and failure codes', () => {
    expect(scenarioForCode('134567890123451010').behaviour).toEqual({
      kind: 'delayed',
      afterMs: 10_000,
      then: 'PAID',
    });
    expect(scenarioForCode('134567890123459999').behaviour).toEqual({
      kind: 'delayed',
      afterMs: 45_000,
      then: 'PAY_CANCELED',
    });
    expect(scenarioForCode('287654321098764444').behaviour).toMatchObject({
      errorCode: 'INSUFFICIENT_FUND',
      errorMessage: '余额不足',
    });
    expect(scenarioForCode('287654321098768888').behaviour).toMatchObject({
      errorCode: 'EXPIRED_BARCODE',
      errorMessage: '付款码已过期',
    });
    expect(scenarioForCode('134567890123455678').id).toBe('SUCCESS');
  });

  it('makeSandboxCode makes distinct valid codes with the wanted suffix', () => {
    const a = makeSandboxCode('WECHAT', '4444', 1);
    const b = makeSandboxCode('WECHAT', '4444', 2);
    expect(a).not.toBe(b);
    expect(classifyPaymentCode(a)).toBe('WECHAT');
    expect(classifyPaymentCode(makeSandboxCode('ALIPAY', '0000', 7))).toBe('ALIPAY');
    expect(a.endsWith('4444')).toBe(true);
  });
});
