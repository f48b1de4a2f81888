import type { SyncStatus } from '../../shared/api/sync';

/** The store database lines of the technician's setup report. */
export function syncReportLines(s: SyncStatus): string[] {
  const lag = s.lagMs === null ? '0' : `${Math.round(s.lagMs / 1000)} s`;
  return [
    `门店数据库 store database: ${s.server ?? '未配置 not configured (this till works alone)'} — 款台 till ${s.tillNo}, 状态 state ${s.state}`,
    `店铺数据版本 shared data version: ${s.sharedVersion === null ? '未同步 never pulled (built-in catalogue)' : `v${s.sharedVersion}`}${s.lastPullAt ? `, pulled ${s.lastPullAt}` : ''}`,
    `待上传 outbox: ${s.pending} changes, lag ${lag}${s.lastPushAt ? `, last push ${s.lastPushAt}` : ''}${s.error ? `, error ${s.error.code}: ${s.error.message}` : ''}`,
  ];
}
