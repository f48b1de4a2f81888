import { arch, platform, release } from 'node:os';
import {
  decodeEscPos,
  describeBytes,
  encodeEscPos,
  layoutReceipt,
  listSerialPorts,
  listUsbPrinters,
  openTransport,
  PROFILES,
  testPage,
  type PrinterProfile,
} from '../../printer';
import type { LastJob, PrinterInfo, PrinterList, PrintJob } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import type { HostPrinter } from '../host/printer';
import type { PrintQueue } from '../receipts/printQueue';
import type { Repos } from '../store';
import { iso, type Clock } from './clock';
import { readStatus } from './printerView';

export interface TechnicianDeps {
  printer: HostPrinter;
  profile: { current: PrinterProfile };
  queue: PrintQueue;
  repos: Pick<Repos, 'printJobs' | 'audit'>;
  clock: Clock;
  version: string;
  /** Persists the technician's choice (settings.json). */
  save: (uri: string, profileId: string) => void;
  /** More lines for the setup report from other parts of the till (store database sync). */
  reportLines?: () => string[];
}

const MAX_ROWS = 3000;

/** The technician's tools: find printers, live status, test pages, the last job's bytes, setup. */
export function createTechnician(d: TechnicianDeps) {
  const { printer, clock } = d;
  const info = (): PrinterInfo => ({
    uri: printer.uri,
    label: printer.label,
    virtual: printer.virtual !== null && printer.uri === printer.virtual.uri,
    profile: d.profile.current.id,
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
    const bytes = d.repos.printJobs.bytes(last.job.jobId) ?? new Uint8Array();
    const rows = describeBytes(bytes);
    return {
      job: last.job,
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
      `Till ${d.version} 打印机设置报告 printer setup report — ${iso(clock.now())}`,
      `系统 OS: ${platform()} ${release()} ${arch()}, node ${process.versions.node}${process.versions.electron ? `, electron ${process.versions.electron}` : ''}`,
      `打印机 printer: ${printer.uri} (${printer.label}), 纸宽 profile: ${d.profile.current.name} / ${d.profile.current.columns} 列`,
      `状态 status: ${s.known ? s.words.join('; ') : `未知 unknown — ${s.errorCode}: ${s.reasonZh ?? ''}${s.hint ? ` (${s.hint})` : ''}`}`,
      `上一张 last job: ${last ? `${last.kind} ${last.job.state}${last.job.reasonCode ? ` ${last.job.reasonCode}` : ''} @ ${last.job.updatedAt}` : '无 none'}`,
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
    test(opts: { drawer?: boolean; drawerOnly?: boolean }): Promise<PrintJob> {
      const doc = opts.drawerOnly
        ? { blocks: [{ kind: 'drawer' as const }] }
        : testPage({ drawer: opts.drawer ?? false, printer: printer.uri });
      d.repos.audit.record(
        iso(clock.now()),
        'technician',
        opts.drawerOnly ? 'printer.drawer' : 'printer.test',
        printer.uri,
      );
      return d.queue.enqueue(
        null,
        opts.drawerOnly ? 'drawer-test' : 'test',
        encodeEscPos(layoutReceipt(doc, d.profile.current)),
      ).done;
    },
    configure(uri: string, profileId?: string): PrinterInfo {
      const profile = profileId ? PROFILES[profileId] : d.profile.current;
      if (!profile) throw new TillError('BAD_REQUEST', 'profile');
      const target = uri === 'virtual' && printer.virtual ? printer.virtual.uri : uri;
      try {
        if (target !== 'none') openTransport(target); // parses the URI; opens nothing
      } catch {
        throw new TillError('BAD_REQUEST', 'uri');
      }
      d.save(uri, profile.id);
      printer.uri = target;
      printer.label = uri === 'virtual' ? `虚拟打印机 virtual (${target})` : uri;
      d.profile.current = profile;
      d.repos.audit.record(iso(clock.now()), 'technician', 'printer.configure', uri, {
        profile: profile.id,
      });
      return info();
    },
  };
}
export type Technician = ReturnType<typeof createTechnician>;
