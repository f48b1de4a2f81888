import { describe, expect, it } from 'vitest';
import { describeTarget } from '../../../electron/sync/connect';
import { classify, scrub, SyncRefused } from '../../../electron/sync/errors';
import { syncReportLines } from '../../../electron/sync/report';

describe('sync faults and what they may say', () => {
  it('never repeats a password from a URL or a key=value text', () => {
    const s = scrub(
      'connect postgres://store_till_02:S3cr3t!@10.0.0.5:5432/store failed; password=S3cr3t!',
    );
    expect(s).not.toContain('S3cr3t');
    expect(s).toContain('postgres://store_till_02:***@10.0.0.5');
    expect(describeTarget('postgres://u:S3cr3t@10.0.0.5/store')).toBe('10.0.0.5:5432/store');
    expect(describeTarget('not a url')).toBe('(unparsable sync URL)');
  });

  it('sorts the network and a restarting server (retry soon) from refusals (technician)', () => {
    const f = (code: string, message = 'x') =>
      classify(Object.assign(new Error(message), { code }));
    expect(f('ECONNREFUSED').kind).toBe('offline');
    expect(f('57P01', 'terminating connection due to administrator command').kind).toBe('offline');
    expect(f('08006').kind).toBe('offline');
    expect(classify(new Error('Connection terminated unexpectedly')).kind).toBe('offline');
    expect(f('28P01', 'password authentication failed for user "x"').kind).toBe('error');
    expect(f('42501', 'new row violates row-level security policy').kind).toBe('error');
    expect(classify(new SyncRefused('SYNC_SCHEMA', 'old'))).toEqual({
      kind: 'error',
      code: 'SYNC_SCHEMA',
      message: 'old',
    });
  });

  it('puts the link, the shared data version and the lag in the setup report', () => {
    const lines = syncReportLines(
      {
        state: 'offline',
        tillNo: '02',
        server: '10.0.0.5:5432/store',
        pending: 12,
        lagMs: 65_000,
        lastPushAt: null,
        lastPullAt: null,
        sharedVersion: 7,
        error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' },
        retryAt: null,
      },
      { version: 4, products: 66, active: 65, source: 'pull:v7', at: '2026-03-02T03:00:00.000Z' },
      { version: 6, users: 5, active: 4 },
    );
    expect(lines.join('\n')).toContain('员工 staff: v6 from the store database, 5 users, 4 active');
    expect(lines.join('\n')).toContain('店铺数据版本 shared data version: v7');
    expect(lines.join('\n')).toContain('12 changes, lag 65 s');
    expect(lines.join('\n')).toContain(
      '商品库 catalogue: v4 (pull:v7, 2026-03-02T03:00:00.000Z), 66 products, 65 on sale',
    );
    const alone = syncReportLines(
      {
        state: 'off',
        tillNo: '01',
        server: null,
        pending: 0,
        lagMs: null,
        lastPushAt: null,
        lastPullAt: null,
        sharedVersion: null,
        error: null,
        retryAt: null,
      },
      { version: 0, products: 0, active: 0, source: null, at: null },
      { version: null, users: 3, active: 3 },
    );
    expect(alone.join('\n')).toMatch(/员工 staff: 未同步 never pulled .*3 users, 3 active/);
    expect(alone.join('\n')).toContain('未配置 not configured');
    expect(alone.join('\n')).toContain('never pulled');
    expect(alone.join('\n')).toContain('商品库 catalogue: v0, 0 products');
  });
});
