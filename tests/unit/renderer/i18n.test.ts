import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { zh } from '../../../renderer/src/i18n/zh';
import { enRecovery } from '../../../renderer/src/i18n/en-recovery';
import { zhRecovery } from '../../../renderer/src/i18n/zh-recovery';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('i18n resources', () => {
  it('has every Chinese text in English too, and nothing empty', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const k of keys(zh)) {
      const value = k
        .split('.')
        .reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], zh);
      expect(value, k).not.toBe('');
    }
  });

  it('has the recovery flow in both languages, nothing empty, no key shared with the others', () => {
    expect(keys(enRecovery).sort()).toEqual(keys(zhRecovery).sort());
    for (const top of Object.keys(zhRecovery)) expect(Object.keys(zh)).not.toContain(top);
    for (const k of keys(zhRecovery)) {
      const value = k
        .split('.')
        .reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], zhRecovery);
      expect(value, k).not.toBe('');
    }
  });

  it('names every payment state the engine has', async () => {
    const { PAYMENT_STATES } = await import('../../../shared/domain');
    for (const state of PAYMENT_STATES) expect(zh.status[state], state).toBeTruthy();
  });
});
