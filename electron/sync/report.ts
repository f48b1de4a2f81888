import type { SyncStatus } from '../../shared/api/sync';
import type { CatalogueInfo } from '../../shared/selling/schemas';

/** Staff as pulled from the store database: its version (null: never pulled) and the counts. */
export interface StaffInfo {
  version: number | null;
  users: number;
  active: number;
}

/** The store database, catalogue and staff lines of the technician's setup report. */
export function syncReportLines(
  s: SyncStatus,
  catalogue: CatalogueInfo,
  staff: StaffInfo,
): string[] {
  const lag = s.lagMs === null ? '0' : `${Math.round(s.lagMs / 1000)} s`;
  return [
    `门店数据库 store database: ${s.server ?? '未配置 not configured (this till works alone)'} — 款台 till ${s.tillNo}, 状态 state ${s.state}`,
    `店铺数据版本 shared data version: ${s.sharedVersion === null ? '未同步 never pulled (the till sells its own catalogue)' : `v${s.sharedVersion}`}${s.lastPullAt ? `, pulled ${s.lastPullAt}` : ''}`,
    `商品库 catalogue: v${catalogue.version}${catalogue.source ? ` (${catalogue.source}${catalogue.at ? `, ${catalogue.at}` : ''})` : ''}, ${catalogue.products} products, ${catalogue.active} on sale`,
    `员工 staff: ${staff.version === null ? "未同步 never pulled (this till's own users)" : `v${staff.version} from the store database`}, ${staff.users} users, ${staff.active} active`,
    `待上传 outbox: ${s.pending} changes, lag ${lag}${s.lastPushAt ? `, last push ${s.lastPushAt}` : ''}${s.error ? `, error ${s.error.code}: ${s.error.message}` : ''}`,
  ];
}
