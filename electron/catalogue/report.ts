import { REASON_TEXT } from './validate';
import type { ImportReport } from './importer';

/** The import report as the shop reads it in a terminal: counts, then every bad row. */
export function formatReport(file: string, r: ImportReport, skipBad: boolean): string {
  const out = [
    `商品导入 catalogue import: ${file} (${r.format}, ${r.encoding}), ${r.rows} 行 rows`,
  ];
  for (const p of r.problems) out.push(`  无法导入 cannot import: ${p}`);
  if (r.ignoredColumns.length > 0) {
    out.push(`  未使用的列 ignored columns: ${r.ignoredColumns.join(', ')}`);
  }
  if (r.problems.length === 0) {
    out.push(
      `  新增 added ${r.added}, 修改 changed ${r.changed}, 未变 unchanged ${r.unchanged}` +
        (r.version !== null ? `; 商品库版本 catalogue version ${r.version}` : ''),
    );
  }
  if (r.bad.length > 0) {
    out.push(
      `  错误行 bad rows: ${r.bad.length}` +
        (skipBad
          ? '（已跳过 skipped, --skip-bad）'
          : '（未导入任何商品：请改正后重新导入，或加 --skip-bad 只导入正确的行 nothing imported: fix them or pass --skip-bad）'),
    );
    for (const b of r.bad) {
      out.push(`    第 ${b.line} 行 row ${b.line}: ${REASON_TEXT[b.reason]}: ${b.value}`);
    }
  }
  if (r.problems.length === 0 && r.bad.length === 0 && !r.imported) {
    out.push('  试运行，未写入 dry run: nothing written');
  }
  return out.join('\n');
}
