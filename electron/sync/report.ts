import type { SyncStatus } from '../../shared/api/sync';
import type { CatalogueInfo } from '../../shared/selling/schemas';

/** The store database and catalogue lines of the technician's setup report. */
export function syncReportLines(s: SyncStatus, catalogue: CatalogueInfo): string[] {
  const lag = s.lagMs === null ? '0' : `${Math.round(s.lagMs / 1000)} s`;
  return [
    `门店数据库 store database: ${s.server ?? '未配置 not configured (this till works alone)'} — 款台 till ${s.tillNo}, 状态 state ${s.state}`,
    `店铺数据版本 shared data version: ${s.sharedVersion === null ? '未同步 never pulled (the till sells its own catalogue)' : `v${s.sharedVersion}`}${s.lastPullAt ? `, pulled ${s.lastPullAt}` : ''}`,
    `商品库 catalogue: v${catalogue.version}${catalogue.source ? ` (${catalogue.source}${catalogue.at ? `, ${catalogue.at}` : ''})` : ''}, ${catalogue.products} products, ${catalogue.active} on sale`,
    `待上传 outbox: ${s.pending} changes, lag ${lag}${s.lastPushAt ? `, last push ${s.lastPushAt}` : ''}${s.error ? `, error ${s.error.code}: ${s.error.message}` : ''}`,
  ];
}
