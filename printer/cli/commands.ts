import { readFileSync, writeFileSync } from 'node:fs';
import { describeBytes } from '../escpos/describe';
import { decodeEscPos } from '../escpos/decode';
import { encodeEscPos } from '../escpos/encode';
import { layoutReceipt } from '../layout/layout';
import { DEFAULT_PROFILE, PROFILES } from '../profiles';
import { openDrawer } from '../status/drawer';
import { identifyPrinter } from '../status/identify';
import { probeStatus } from '../status/query';
import { sendJob } from '../status/send-job';
import { listSerialPorts } from '../transport/serial-binding';
import { openTransport } from '../transport/open';
import { listUsbPrinters } from '../transport/usb-find';
import { renderPaperPng } from '../preview/render';
import { statusWords } from './status-words';
import { testPage } from './test-page';

export type Out = (line: string) => void;

export async function list(out: Out): Promise<void> {
  out('USB 打印机 USB printers:');
  try {
    const usb = await listUsbPrinters();
    if (usb.length === 0) out('  (none)');
    for (const u of usb)
      out(`  ${u.uri}  ${u.manufacturer ?? ''} ${u.product ?? ''} ${u.serial ?? ''}`);
  } catch (e) {
    out(`  (USB unavailable: ${e instanceof Error ? e.message : String(e)})`);
  }
  out('串口 serial ports:');
  const ports = await listSerialPorts();
  if (ports.length === 0) out('  (none)');
  for (const p of ports) out(`  serial:${p.path}?baud=9600  ${p.manufacturer ?? ''}`);
}

export async function status(uri: string, out: Out, timeoutMs: number): Promise<boolean> {
  const t = openTransport(uri, { timeoutMs });
  await t.open();
  try {
    const report = await probeStatus(t, timeoutMs);
    if (!report.known) {
      out(`状态未知 status unknown (${report.reason}): ${report.error.messageZh}`);
      return false;
    }
    for (const line of statusWords(report.status)) out(line);
    const id = await identifyPrinter(t, Math.min(timeoutMs, 500));
    for (const [k, v] of Object.entries(id)) out(`${k}: ${String(v)}`);
    // Anything that stops a receipt is a failure exit, for scripts: cover open too.
    const s = report.status;
    return s.online && !s.paperEnd && !s.coverOpen && !s.cutterError && !s.unrecoverableError;
  } finally {
    await t.close();
  }
}

export async function test(
  uri: string,
  out: Out,
  drawer: boolean,
  profileId: string,
): Promise<void> {
  const profile = PROFILES[profileId] ?? DEFAULT_PROFILE;
  const page = testPage({ printer: uri, columns: profile.columns, font: profile.chineseFont });
  const bytes = encodeEscPos(layoutReceipt(page, profile));
  const t = openTransport(uri);
  await t.open();
  try {
    const r = await sendJob(t, bytes, { confirmTimeoutMs: 10_000, allowUnconfirmed: true });
    out(
      r.confirmed
        ? `已打印 printed and confirmed (${bytes.length} bytes)${r.paperNearEnd ? '; 纸将用完 paper near end' : ''}`
        : `已发送，无法确认 written, cannot be confirmed on this link (${bytes.length} bytes)`,
    );
    if (drawer) {
      // Its own command, as at a sale: never inside the page.
      const d = await openDrawer(t);
      out(`钱箱 drawer: ${d.command} ${d.confirmed ? '已确认 confirmed' : '已发送 sent'}`);
    }
  } finally {
    await t.close();
  }
}

export function decode(file: string, out: Out): void {
  const bytes = new Uint8Array(readFileSync(file));
  for (const d of describeBytes(bytes)) {
    out(`${d.offset.toString().padStart(6)}  ${d.hex.padEnd(26)}  ${d.meaning}`);
  }
  const job = decodeEscPos(bytes);
  out('--- text ---');
  for (const l of job.lines) out(l);
  if (job.unknownCommands.length) out(`unknown: ${job.unknownCommands.join(', ')}`);
}

export function png(file: string, target: string, profileId: string, out: Out): void {
  const profile = PROFILES[profileId] ?? DEFAULT_PROFILE;
  writeFileSync(target, renderPaperPng(new Uint8Array(readFileSync(file)), profile));
  out(`wrote ${target}`);
}
