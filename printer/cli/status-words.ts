import type { PrinterStatus } from '../status/parse';

/** Live status as words, Chinese and English, one condition a line. */
export function statusWords(s: PrinterStatus): string[] {
  const out: string[] = [];
  out.push(s.online ? '在线 online' : '离线 offline');
  if (s.coverOpen) out.push('纸仓盖打开 cover open');
  if (s.paperEnd) out.push('缺纸 paper end');
  else if (s.paperNearEnd) out.push('纸将用完 paper near end');
  else out.push('纸张正常 paper OK');
  if (s.cutterError) out.push('切刀错误 auto-cutter error');
  if (s.unrecoverableError) out.push('不可恢复错误 unrecoverable error');
  if (s.drawerOpen !== undefined) {
    out.push(
      `钱箱引脚3 ${s.drawerOpen ? '高' : '低'} drawer pin 3 ${s.drawerOpen ? 'high' : 'low'}`,
    );
  }
  out.push(`raw DLE EOT 1-4: ${s.raw.map((b) => b.toString(16).padStart(2, '0')).join(' ')}`);
  return out;
}
