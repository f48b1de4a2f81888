import {
  decodeEscPos,
  isPrinterError,
  probeStatus,
  renderPaperPng,
  statusWords,
  type PrinterProfile,
  type Transport,
} from '../../printer';
import type { PaperPreview, PrinterStatusView } from '../../shared/domain';

const ALIGN = ['left', 'center', 'right'] as const;

/** Network printers fail for network reasons: say where to look. */
const networkHint = (code: string | undefined): string | null =>
  code === 'CONNECTION_REFUSED' || code === 'TIMEOUT'
    ? '网络打印机：核对打印机自检页上的 IP 地址和端口（通常 9100），确认与收银机在同一网段并能 ping 通。 Check the IP and port (usually 9100) on the printer self-test page, and that the till can ping it.'
    : null;

/** Live status for the technician; an unreadable printer says why (and how to fix it), never throws. */
export async function readStatus(
  t: () => Transport,
  at: string,
  timeoutMs = 1500,
): Promise<PrinterStatusView> {
  const empty = {
    online: null,
    coverOpen: null,
    paperEnd: null,
    paperNearEnd: null,
    cutterError: null,
    unrecoverableError: null,
  };
  let transport: Transport | null = null;
  try {
    transport = t();
    await transport.open();
    const r = await probeStatus(transport, timeoutMs);
    if (r.known) {
      const s = r.status;
      return {
        known: true,
        online: s.online,
        coverOpen: s.coverOpen,
        paperEnd: s.paperEnd,
        paperNearEnd: s.paperNearEnd,
        cutterError: s.cutterError,
        unrecoverableError: s.unrecoverableError,
        words: statusWords(s),
        errorCode: null,
        reasonZh: null,
        hint: null,
        checkedAt: at,
      };
    }
    return {
      known: false,
      ...empty,
      words: [],
      errorCode: r.error.code,
      reasonZh: r.error.messageZh,
      hint: r.error.hint ?? null,
      checkedAt: at,
    };
  } catch (err) {
    const e = isPrinterError(err) ? err : null;
    return {
      known: false,
      ...empty,
      words: [],
      errorCode: e?.code ?? 'IO',
      reasonZh:
        e?.messageZh ?? `打印机通信错误：${err instanceof Error ? err.message : String(err)}`,
      hint: e?.hint ?? networkHint(e?.code),
      checkedAt: at,
    };
  } finally {
    await transport?.close().catch(() => undefined);
  }
}

/** The paper a printer makes of these bytes: the same decoder and renderer as the virtual printer. */
export function paperPreview(bytes: Uint8Array, profile: PrinterProfile): PaperPreview {
  const job = decodeEscPos(bytes);
  const lines = job.paper.map((it) => {
    const align = 'align' in it ? ALIGN[it.align] : 'left';
    if (it.kind === 'text')
      return { kind: 'text' as const, text: it.text, bold: it.bold, double: it.double, align };
    if (it.kind === 'qr' || it.kind === 'barcode')
      return { kind: it.kind, text: it.data, bold: false, double: false, align };
    if (it.kind === 'cut')
      return { kind: 'cut' as const, text: '', bold: false, double: false, align };
    return {
      kind: 'image' as const,
      text: it.kind === 'nv-image' ? it.key : `${it.width}×${it.height}`,
      bold: false,
      double: false,
      align,
    };
  });
  const png = `data:image/png;base64,${renderPaperPng(job, profile).toString('base64')}`;
  return { lines, png, columns: profile.columns };
}
