import { arch, platform, release } from 'node:os';
import {
  decodeEscPos,
  describeBytes,
  encodeEscPos,
  isPrinterError,
  layoutReceipt,
  listSerialPorts,
  listUsbPrinters,
  openTransport,
  PROFILES,
  testPage,
  type ChineseFont,
  type PrinterProfile,
} from '../../printer';
import type { TestResult } from '../../shared/api/print';
import type { LastJob, PrinterInfo, PrinterList } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import type { HostPrinter } from '../host/printer';
import type { Drawer } from '../receipts/drawer';
import type { PrintQueue } from '../receipts/printQueue';
import { SANDBOX_MARK } from '../receipts/sandboxMark';
import type { Repos } from '../store';
import { iso, type Clock } from './clock';
import { readStatus } from './printerView';

export interface TechnicianDeps {
  printer: HostPrinter;
  profile: { current: PrinterProfile };
  queue: PrintQueue;
  drawer: Pick<Drawer, 'test'>;
  repos: Pick<Repos, 'printJobs' | 'audit'>;
  clock: Clock;
  version: string;
  /** Sandbox mode: the report says so on its first line, as receipts do. */
  sandbox?: boolean;
  /** 工号 of the signed-in technician or supervisor. */
  actor: () => string;
  /** Persists the technician's choice (settings.json). */
  save: (uri: string, profileId: string, font: ChineseFont) => void;
  /** More lines for the setup report from other parts of the till (store database sync). */
  reportLines?: () => string[];
}

const MAX_ROWS = 3000;

const summaryLine = (s: ReturnType<PrintQueue['summary']>): string =>
  `${s.printer.state}${s.printer.reasonCode ? ` ${s.printer.reasonCode}` : ''}, ${s.waiting} 待打印 waiting, ${s.toDecide} 待确认 to decide`;

/** The technician's tools: find printers, live status, test pages, the last job's bytes, setup. */
export function createTechnician(d: TechnicianDeps) {
  const { printer, clock } = d;
  const info = (): PrinterInfo => ({
    uri: printer.uri,
    label: printer.label,
    virtual: printer.virtual !== null && printer.uri === printer.virtual.uri,
    profile: d.profile.current.id,
    font: d.profile.current.chineseFont,
    profiles: Object.values(PROFILES).map((p) => ({ id: p.id, name: p.name, columns: p.columns })),
  });
  const status = () => readStatus(() => printer.open(printer.uri), iso(clock.now()));

  async function list(): Promise<PrinterList> {
    const problems: string[] = [];
    const usb = await listUsbPrinters().catch((e: unknown) => {
      problems.push(`USB: ${e instanceof Error ? e.message : String(e)}`);
      return [];
    });
    const serial = await listSerialPorts().catch((e: unknown) => {
      problems.push(`串口 serial: ${e instanceof Error ? e.message : String(e)}`);
      return [];
    });
    return {
      usb: usb.map((u) => ({
        uri: u.uri,
        vid: u.vid,
        pid: u.pid,
        name: [u.manufacturer, u.product].filter(Boolean).join(' ') || u.uri,
        bidirectional: u.bidirectional,
      })),
      serial: serial.map((s) => ({
        uri: `serial:${s.path}?baud=9600`,
        path: s.path,
        name: s.manufacturer ?? s.path,
      })),
      problems,
    };
  }

  function lastJob(): LastJob {
    const last = d.repos.printJobs.latest();
    if (!last) return { job: null, kind: null, size: 0, rows: [], text: '' };
    const bytes = d.repos.printJobs.bytes(last.jobId) ?? new Uint8Array();
    const rows = describeBytes(bytes);
    return {
      job: last,
      kind: last.kind,
      size: bytes.length,
      rows: rows.slice(0, MAX_ROWS),
      text: decodeEscPos(bytes).text,
    };
  }

  async function report(): Promise<string> {
    const [s, found] = await Promise.all([status(), list()]);
    const last = d.repos.printJobs.latest();
    return [
      ...(d.sandbox ? [SANDBOX_MARK] : []),
      `Till ${d.version} 打印机设置报告 printer setup report — ${iso(clock.now())}`,
      `系统 OS: ${platform()} ${release()} ${arch()}, node ${process.versions.node}${process.versions.electron ? `, electron ${process.versions.electron}` : ''}`,
      `打印机 printer: ${printer.uri} (${printer.label}), 纸宽 profile: ${d.profile.current.name} / ${d.profile.current.columns} 列`,
      `状态 status: ${s.known ? s.words.join('; ') : `未知 unknown — ${s.errorCode}: ${s.reasonZh ?? ''}${s.hint ? ` (${s.hint})` : ''}`}`,
      `上一张 last job: ${last ? `${last.kind} ${last.state}${last.reasonCode ? ` ${last.reasonCode}` : ''} @ ${last.updatedAt}` : '无 none'}`,
      `打印队列 queue: ${summaryLine(d.queue.summary())}`,
      `USB 打印机: ${found.usb.map((u) => `${u.uri} ${u.name}`).join(', ') || '无 none'}`,
      `串口 serial ports: ${found.serial.map((p) => p.path).join(', ') || '无 none'}`,
      ...found.problems.map((p) => `问题 problem: ${p}`),
      ...(d.reportLines?.() ?? []),
    ].join('\n');
  }

  return {
    info,
    status,
    list,
    lastJob,
    report,
    /**
     * A test page is a print job (queued like any other). The drawer test opens the drawer on its
     * own, as a sale does (audited as drawer.open, reason test); `drawer` on a page adds a kick
     * after it, separately, so no job carries one.
     */
    async test(opts: { drawer?: boolean; drawerOnly?: boolean }): Promise<TestResult> {
      if (opts.drawerOnly) return { job: null, drawer: await d.drawer.test() };
      const profile = d.profile.current;
      const doc = testPage({
        printer: printer.uri,
        columns: profile.columns,
        font: profile.chineseFont,
      });
      d.repos.audit.record(iso(clock.now()), d.actor(), 'printer.test', printer.uri);
      const { done } = d.queue.enqueue(null, 'test', encodeEscPos(layoutReceipt(doc, profile)));
      const job = await done;
      return { job, drawer: opts.drawer ? await d.drawer.test() : null };
    },
    configure(uri: string, profileId?: string, font?: ChineseFont): PrinterInfo {
      const base = profileId ? PROFILES[profileId] : d.profile.current;
      if (!base) throw new TillError('BAD_REQUEST', 'profile');
      const profile = { ...base, chineseFont: font ?? d.profile.current.chineseFont };
      const target = uri === 'virtual' && printer.virtual ? printer.virtual.uri : uri;
      try {
        if (target !== 'none') openTransport(target); // parses the URI; opens nothing
        printer.check(target); // the allow-list: only printers, never a file or a port scan
      } catch (err) {
        // Refused before anything is opened, saved or switched; the attempt itself is audited.
        d.repos.audit.record(iso(clock.now()), d.actor(), 'printer.configure.refused', uri, {
          reason: err instanceof Error ? err.message : String(err),
        });
        throw isPrinterError(err) && err.code === 'REFUSED_ADDRESS'
          ? new TillError('PRINTER_REFUSED', 'uri', err.message)
          : new TillError('BAD_REQUEST', 'uri');
      }
      d.save(uri, profile.id, profile.chineseFont);
      const before = printer.uri;
      const beforeProfile = d.profile.current;
      printer.uri = target;
      printer.label = uri === 'virtual' ? `虚拟打印机 virtual (${target})` : uri;
      d.profile.current = profile;
      d.queue.recheck();
      d.repos.audit.write({
        at: iso(clock.now()),
        actor: d.actor(),
        action: 'printer.configure',
        subject: uri,
        before: { uri: before, profile: beforeProfile.id, font: beforeProfile.chineseFont },
        after: { uri: target, profile: profile.id, font: profile.chineseFont },
        detail: { profile: profile.id, font: profile.chineseFont, before },
      });
      return info();
    },
  };
}
export type Technician = ReturnType<typeof createTechnician>;
