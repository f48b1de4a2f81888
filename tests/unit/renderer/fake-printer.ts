import type { DrawerResult, PrintSummary, TestResult } from '../../../shared/api/print';
import type {
  LastJob,
  PaperPreview,
  PrinterList,
  PrinterStatusView,
  PrintJob,
} from '../../../shared/domain';

/**
 * The fake host's printer side, as electron/services/technician.ts and the print queue behave:
 * one configured printer with a fault the test sets, persisted jobs with their "bytes" (rows
 * as describeBytes gives them) and the paper decoded from them, failures with the printer's
 * Chinese reason: a printer that is not ready gets nothing (WAITING) and each waiting job is
 * sent once when the fault clears; the drawer is its own command, failing when unreachable.
 */
export type FakeFault = 'none' | 'paper-end' | 'cover-open' | 'offline' | 'unreachable';
type Line = PaperPreview['lines'][number];
type Row = LastJob['rows'][number];
interface Stored {
  job: PrintJob;
  kind: string;
  lines: Line[];
  rows: Row[];
}

export const PROFILES = [
  { id: '58mm', name: '58 mm', columns: 32 },
  { id: '80mm-180dpi', name: '80 mm (180 dpi)', columns: 42 },
  { id: '80mm', name: '80 mm', columns: 48 },
];
export const VIRTUAL_URI = 'tcp://127.0.0.1:9100';
const REASON: Record<Exclude<FakeFault, 'none'>, [string, string]> = {
  'paper-end': ['PAPER_END', '打印机缺纸：装入新纸卷后将自动打印，无需重复操作。'],
  'cover-open': ['COVER_OPEN', '打印机纸仓盖未关好：合上盖子后将自动打印，无需重复操作。'],
  offline: ['OFFLINE', '打印机离线：恢复在线后将自动打印，无需重复操作。'],
  unreachable: [
    'CONNECTION_REFUSED',
    '打印机拒绝连接：请确认已开机、地址和端口正确；恢复后将自动打印。',
  ],
};

const text = (t: string, more: Partial<Line> = {}): Line => ({
  kind: 'text',
  text: t,
  bold: false,
  double: false,
  align: 'left',
  ...more,
});

/** Same rules as printer/transport/open.ts: a scheme it knows and the parts that scheme needs. */
export function validUri(uri: string): boolean {
  if (uri === 'none' || uri === 'virtual') return true;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (url.protocol === 'tcp:') return url.hostname !== '';
  if (url.protocol === 'usb:') return /^[0-9a-f]{4}:[0-9a-f]{4}$/i.test(url.pathname);
  if (url.protocol === 'file:') return url.pathname !== '' && url.pathname !== '/';
  if (url.protocol === 'serial:') {
    const baud = Number(url.searchParams.get('baud') ?? '9600');
    const flow = url.searchParams.get('flow') ?? 'none';
    return (
      url.pathname !== '' &&
      Number.isInteger(baud) &&
      baud >= 300 &&
      baud <= 921_600 &&
      ['none', 'rtscts', 'xonxoff'].includes(flow)
    );
  }
  return false;
}

export function createFakePrinter(emit: (job: PrintJob) => void, next: () => number) {
  let uri = VIRTUAL_URI;
  let label = `虚拟打印机 virtual (${VIRTUAL_URI})`;
  let profile = '80mm';
  let font: 'GB2312' | 'GBK' | 'GB18030' = 'GB18030';
  let fault: FakeFault = 'none';
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const at = () => new Date((clock += 1000)).toISOString();
  const jobs: Stored[] = [];
  /** Every job the printer actually printed (as the virtual printer's `jobs`). */
  const paper: { jobId: string; lines: Line[] }[] = [];
  let found: PrinterList = { usb: [], serial: [], problems: [] };
  const drawers = new Map<string, DrawerResult>();
  let onSummary: (s: PrintSummary) => void = () => undefined;
  let onDrawer: (d: DrawerResult) => void = () => undefined;

  const set = (s: Stored, state: PrintJob['state'], reason: [string, string] | null = null) => {
    s.job = {
      ...s.job,
      state,
      reasonCode: reason?.[0] ?? null,
      reasonText: reason?.[1] ?? null,
      attempts: s.job.attempts + (state === 'SENDING' ? 1 : 0),
      updatedAt: at(),
    };
    emit(s.job);
    onSummary(summary());
    return s.job;
  };
  /** One turn: a printer that is not ready gets nothing (WAITING); else SENDING → PRINTED. */
  const send = (s: Stored): PrintJob => {
    if (fault !== 'none') return set(s, 'WAITING', REASON[fault]);
    set(s, 'SENDING');
    paper.push({ jobId: s.job.jobId, lines: s.lines });
    return set(s, 'PRINTED');
  };
  const summary = (): PrintSummary => {
    const count = (states: PrintJob['state'][]) =>
      jobs.filter((j) => states.includes(j.job.state)).length;
    const state =
      uri === 'none'
        ? ('none' as const)
        : fault === 'unreachable'
          ? ('unreachable' as const)
          : fault === 'none'
            ? ('ready' as const)
            : ('not-ready' as const);
    return {
      printer: {
        state,
        reasonCode: fault === 'none' ? null : REASON[fault][0],
        reasonText: fault === 'none' ? null : REASON[fault][1],
        paperNearEnd: false,
        checkedAt: at(),
      },
      waiting: count(['QUEUED', 'SENDING', 'WAITING']),
      toDecide: count(['FAILED', 'INTERRUPTED']),
    };
  };
  const kickDrawer = (reason: DrawerResult['reason'], orderId: string | null): DrawerResult => {
    const ok = fault !== 'unreachable' && uri !== 'none';
    const d: DrawerResult = {
      ok,
      reason,
      orderId,
      command: ok ? (fault === 'none' ? 'ESC p' : 'DLE DC4') : null,
      hex: ok ? (fault === 'none' ? '1b 70 00 19 fa' : '10 14 01 00 01') : null,
      errorCode: ok ? null : 'CONNECTION_REFUSED',
      errorText: ok ? null : '打印机拒绝连接，请确认打印机已开机且地址、端口正确。',
      at: at(),
    };
    if (orderId) drawers.set(orderId, d);
    onDrawer(d);
    return d;
  };
  const rowsOf = (lines: Line[], drawer: boolean): Row[] => {
    const rows: Row[] = [{ offset: 0, hex: '1b 40', meaning: 'initialise printer' }];
    let offset = 2;
    const push = (hex: string, meaning: string) => {
      rows.push({ offset, hex, meaning });
      offset += hex.split(' ').length;
    };
    push('1c 26', 'Chinese character mode on');
    for (const l of lines) if (l.kind === 'text') push('41 42 0a', `text "${l.text}"`);
    if (drawer) push('1b 70 00 19 fa', 'cash drawer kick: pin 2, on 50 ms, off 500 ms');
    push('1d 56 42 00', 'cut: partial, feed 0');
    push('1d 72 01', 'status request: paper (reply confirms job)');
    return rows;
  };
  const enqueue = (orderId: string | null, kind: string, lines: Line[], drawer = false) => {
    const created = at();
    const s: Stored = {
      job: {
        jobId: `job${next()}`,
        orderId,
        kind,
        printer: uri,
        state: 'QUEUED',
        reasonCode: null,
        reasonText: null,
        attempts: 0,
        createdAt: created,
        updatedAt: created,
      },
      kind,
      lines: [...lines, { ...text(''), kind: 'cut' }],
      rows: rowsOf(lines, drawer),
    };
    jobs.push(s);
    emit(s.job);
    return s;
  };
  const byId = (jobId: string) => jobs.find((s) => s.job.jobId === jobId) ?? null;
  const latestFor = (orderId: string) => jobs.filter((s) => s.job.orderId === orderId).at(-1);

  const status = (): PrinterStatusView => {
    const base = { checkedAt: at(), errorCode: null, reasonZh: null, hint: null };
    if (uri === 'none' || fault === 'unreachable')
      return {
        ...base,
        known: false,
        online: null,
        coverOpen: null,
        paperEnd: null,
        paperNearEnd: null,
        cutterError: null,
        unrecoverableError: null,
        words: [],
        errorCode: 'CONNECTION_REFUSED',
        reasonZh: REASON.unreachable[1],
        hint: '检查打印机电源和网线；网络打印机默认端口 9100。',
      };
    const s = {
      online: fault === 'none',
      coverOpen: fault === 'cover-open',
      paperEnd: fault === 'paper-end',
      paperNearEnd: false,
      cutterError: false,
      unrecoverableError: false,
    };
    const words = [
      s.online ? '在线 online' : '离线 offline',
      ...(s.coverOpen ? ['纸仓盖打开 cover open'] : []),
      ...(s.paperEnd ? ['缺纸 paper end'] : []),
    ];
    return { ...base, known: true, ...s, words };
  };

  return {
    info: () => ({ uri, label, virtual: uri === VIRTUAL_URI, profile, font, profiles: PROFILES }),
    status,
    list: () => found,
    /** What printer.list finds next. */
    setFound: (list: PrinterList) => (found = list),
    test(opts: { drawer?: boolean; drawerOnly?: boolean }): TestResult {
      if (opts.drawerOnly) return { job: null, drawer: kickDrawer('test', null) };
      const page = send(enqueue(null, 'test', [text('打印测试页 TEST PAGE', { align: 'center' })]));
      return { job: page, drawer: opts.drawer ? kickDrawer('test', null) : null };
    },
    summary,
    /** Where the fake host sends print.summary and drawer.updated. */
    listen(summaryTo: (s: PrintSummary) => void, drawerTo: (d: DrawerResult) => void) {
      onSummary = summaryTo;
      onDrawer = drawerTo;
    },
    kickDrawer,
    drawerResult: (orderId: string) => drawers.get(orderId) ?? null,
    /** As the print queue: a job that may have printed goes back to the queue, sent in its turn. */
    retry(jobId: string): PrintJob | null {
      const s = byId(jobId);
      if (!s) return null;
      if (s.job.state === 'FAILED' || s.job.state === 'INTERRUPTED' || s.job.state === 'WAITING') {
        if (s.job.state !== 'WAITING') set(s, 'QUEUED');
        return send(s);
      }
      return s.job;
    },
    cancel(jobId: string, reason: string): PrintJob | 'NOT_FOUND' | 'BAD_REQUEST' {
      const s = byId(jobId);
      if (!s) return 'NOT_FOUND';
      if (['PRINTED', 'CANCELLED', 'SENDING'].includes(s.job.state)) return 'BAD_REQUEST';
      return set(s, 'CANCELLED', ['CANCELLED', reason]);
    },
    lastJob(): LastJob {
      const s = jobs.at(-1);
      if (!s) return { job: null, kind: null, size: 0, rows: [], text: '' };
      const size = s.rows.reduce((n, r) => n + r.hex.split(' ').length, 0);
      const body = s.lines.filter((l) => l.kind === 'text').map((l) => l.text);
      return { job: s.job, kind: s.kind, size, rows: s.rows, text: body.join('\n') };
    },
    /** null: BAD_REQUEST on that field. */
    configure(
      next: string,
      profileId?: string,
      nextFont?: 'GB2312' | 'GBK' | 'GB18030',
    ): 'uri' | 'profile' | null {
      if (profileId && !PROFILES.some((p) => p.id === profileId)) return 'profile';
      if (!validUri(next)) return 'uri';
      uri = next === 'virtual' ? VIRTUAL_URI : next;
      label = next === 'virtual' ? `虚拟打印机 virtual (${VIRTUAL_URI})` : next;
      if (profileId) profile = profileId;
      if (nextFont) font = nextFont;
      return null;
    },
    report: () =>
      [
        `打印机 printer: ${uri} (${label}), 纸宽 profile: ${profile}`,
        `状态 status: ${status().words.join('; ')}`,
      ].join('\n'),
    /** A receipt's job: queued, then sent (the test moves it on with `print`/`setFault`). */
    enqueue,
    send,
    byId,
    preview(orderId: string): PaperPreview | null {
      const s = latestFor(orderId);
      const columns = PROFILES.find((p) => p.id === profile)?.columns ?? 48;
      return s ? { lines: s.lines, png: 'data:image/png;base64,iVBORw0KGgo=', columns } : null;
    },
    latestFor: (orderId: string) => latestFor(orderId)?.job ?? null,
    /** The print queue: once the fault clears, every WAITING job is sent, once, in order. */
    setFault(f: FakeFault) {
      fault = f;
      onSummary(summary());
      if (f !== 'none') return;
      for (const s of jobs) if (s.job.state === 'WAITING') send(s);
    },
    /** A job that failed in a way that may have printed (no confirmation, link dropped). */
    failUncertain(jobId: string, code: 'NOT_CONFIRMED' | 'DISCONNECTED' = 'NOT_CONFIRMED') {
      const s = byId(jobId);
      if (!s) throw new Error(`no job ${jobId}`);
      paper.push({ jobId, lines: s.lines }); // it did print: the host cannot know
      if (s.job.state !== 'SENDING') set(s, 'SENDING');
      return set(s, 'FAILED', [
        code,
        '未收到打印机的完成确认：小票可能已打印，请查看打印机后决定是否重新打印。',
      ]);
    },
    /** Sets a job's state by hand, as a test scripts the printer (emits print.updated). */
    mark(jobId: string, state: PrintJob['state'], reason: [string, string] | null = null) {
      const s = byId(jobId);
      if (!s) throw new Error(`no job ${jobId}`);
      if (state === 'PRINTED') paper.push({ jobId, lines: s.lines });
      return set(s, state, reason);
    },
    paper,
    jobs: () => jobs.map((s) => s.job),
    /** The technician's queue: unfinished jobs first, then finished ones. */
    queue: () => {
      const open = jobs.filter((s) => !['PRINTED', 'CANCELLED'].includes(s.job.state));
      const done = jobs.filter((s) => ['PRINTED', 'CANCELLED'].includes(s.job.state));
      return [...open, ...done.reverse()].map((s) => s.job);
    },
  };
}
export type FakePrinter = ReturnType<typeof createFakePrinter>;
