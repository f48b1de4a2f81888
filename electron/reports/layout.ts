import type { DocBlock, ReceiptDoc } from '../../printer';
import type { Figures, Shift, StoreDay } from '../../shared/api/shift';
import { fenToYuanString } from '../../shared/money';
import { METHOD_ZH } from '../receipts/model';
import { sandboxMark } from '../receipts/sandboxMark';

export interface ReportHead {
  kind: 'X' | 'Z' | 'DAY';
  storeName: string;
  tillNo: string;
  day: string;
  printedAt: string;
  by: string;
  shift: Shift | null;
  copy: boolean;
  sandbox: boolean;
  /** China time of an ISO instant, for the lines that print one. */
  time: (iso: string) => string;
}

const TITLE = {
  X: 'X 报表（班中） X REPORT',
  Z: 'Z 报表（交班） Z REPORT',
  DAY: '日报表 DAY REPORT',
};
const yuan = fenToYuanString;
const STATE_ZH: Record<string, string> = {
  NEW: '未提交',
  SUBMITTING: '提交中',
  PENDING: '待确认',
  QUERYING: '查询中',
  REVERSING: '撤销中',
  NEEDS_MANUAL: '待主管处理',
  PARKED: '已挂起',
};

/** A shift report as paper: figures per method, the drawer, and what is still open. */
export function buildReportDoc(h: ReportHead, f: Figures): ReceiptDoc {
  const b: DocBlock[] = [
    { kind: 'text', text: h.storeName, align: 'center', size: 'double', bold: true },
    { kind: 'text', text: TITLE[h.kind], align: 'center', bold: true },
  ];
  if (h.copy) b.push({ kind: 'text', text: '*** 副本 COPY ***', align: 'center', bold: true });
  b.push(...sandboxMark(h.sandbox, 'head'), { kind: 'rule' });
  b.push({ kind: 'pair', left: `款台：${h.tillNo}`, right: `营业日：${h.day}` });
  if (h.shift) {
    b.push(
      { kind: 'pair', left: '开班：', right: `${h.shift.openedByName} ${h.shift.openedBy}` },
      { kind: 'pair', left: '开班时间：', right: h.time(h.shift.openedAt) },
    );
    if (h.shift.closedAt)
      b.push({ kind: 'pair', left: '交班时间：', right: h.time(h.shift.closedAt) });
  }
  b.push(
    { kind: 'pair', left: '打印：', right: `${h.by} ${h.printedAt}` },
    { kind: 'rule', char: '-' },
  );
  for (const m of f.byMethod) {
    b.push(
      { kind: 'text', text: METHOD_ZH[m.method], bold: true },
      { kind: 'pair', left: `  销售 ${m.salesCount} 笔`, right: yuan(m.salesFen) },
      { kind: 'pair', left: `  退款 ${m.refundCount} 笔`, right: yuan(-m.refundFen) },
      { kind: 'pair', left: '  净额', right: yuan(m.netFen) },
    );
  }
  b.push(
    { kind: 'rule', char: '-' },
    { kind: 'pair', left: `合计 销售 ${f.totals.salesCount} 笔`, right: yuan(f.totals.salesFen) },
    {
      kind: 'pair',
      left: `合计 退款 ${f.totals.refundCount} 笔`,
      right: yuan(-f.totals.refundFen),
    },
    { kind: 'pair', left: '合计 净额', right: yuan(f.totals.netFen), bold: true },
    { kind: 'pair', left: `撤销 ${f.voids.count} 笔`, right: yuan(f.voids.fen) },
    {
      kind: 'pair',
      left: `退款处理中 ${f.pendingRefunds.count} 笔`,
      right: yuan(f.pendingRefunds.fen),
    },
    { kind: 'pair', left: '无销售开钱箱', right: `${f.noSaleDrawer} 次` },
  );
  if (f.cashExpectedFen !== null) {
    b.push(
      { kind: 'rule', char: '-' },
      { kind: 'pair', left: '备用金', right: yuan(f.floatFen ?? 0) },
      { kind: 'pair', left: '应有现金', right: yuan(f.cashExpectedFen), bold: true },
    );
  }
  if (f.countedFen !== null && f.differenceFen !== null) {
    const word = f.differenceFen === 0 ? '平' : f.differenceFen > 0 ? '长款' : '短款';
    b.push(
      { kind: 'pair', left: '实点现金', right: yuan(f.countedFen), bold: true },
      { kind: 'pair', left: `长短款（${word}）`, right: yuan(f.differenceFen), bold: true },
    );
  }
  for (const s of f.shifts) b.push(...shiftLines(s, h.time));
  b.push({ kind: 'rule', char: '-' });
  if (f.unresolved.length === 0) b.push({ kind: 'text', text: '未完成支付 / 挂起：无' });
  else {
    const carried = h.kind === 'Z' && h.shift?.carriedOver ? '（主管授权结转下一班）' : '';
    b.push({
      kind: 'text',
      text: `未完成支付 / 挂起 ${f.unresolved.length} 笔${carried}`,
      bold: true,
    });
    for (const u of f.unresolved) {
      b.push(
        {
          kind: 'pair',
          left: `  ${u.method ? METHOD_ZH[u.method] : '订单'} ${STATE_ZH[u.state] ?? u.state}`,
          right: yuan(u.amountFen),
        },
        { kind: 'text', text: `  ${u.merchantOrderNo ?? u.orderId}` },
      );
    }
  }
  if (f.store) b.push(...storeLines(f.store, h.tillNo));
  if (f.auditHead)
    b.push({ kind: 'text', text: `审计链 #${f.auditHead.id} ${f.auditHead.hash.slice(0, 16)}` });
  b.push(
    { kind: 'feed', lines: 1 },
    { kind: 'text', text: h.kind === 'X' ? '收银员：______________' : '收银员签字：__________' },
    { kind: 'text', text: '主管签字：____________' },
    ...sandboxMark(h.sandbox, 'foot'),
    { kind: 'feed', lines: 3 },
    { kind: 'cut' },
  );
  return { blocks: b };
}

function shiftLines(s: Shift, time: (iso: string) => string): DocBlock[] {
  const out: DocBlock[] = [
    { kind: 'rule', char: '-' },
    {
      kind: 'pair',
      left: `班次 ${s.openedByName}`,
      right: `${time(s.openedAt).slice(11, 16)}–${s.closedAt ? time(s.closedAt).slice(11, 16) : '未交班'}`,
    },
  ];
  if (s.countedFen !== null && s.differenceFen !== null)
    out.push(
      {
        kind: 'pair',
        left: '  实点 / 应有',
        right: `${yuan(s.countedFen)} / ${yuan(s.expectedFen ?? 0)}`,
      },
      { kind: 'pair', left: '  长短款', right: yuan(s.differenceFen) },
    );
  return out;
}

/** 全店: each till's takings from the store database, and which tills may be short. */
function storeLines(s: StoreDay, me: string): DocBlock[] {
  const out: DocBlock[] = [
    { kind: 'rule', char: '=' },
    { kind: 'text', text: '全店汇总 STORE', align: 'center', bold: true },
  ];
  if (s.state === 'offline')
    return [...out, { kind: 'text', text: '门店数据库未连接：以上仅为本款台数据' }];
  for (const t of s.tills)
    out.push({
      kind: 'pair',
      left: `款台 ${t.tillId}${t.tillId === me ? '（本机）' : ''} ${t.orders} 笔`,
      right: yuan(t.salesFen - t.refundedFen),
    });
  const sales = s.tills.reduce((n, t) => n + t.salesFen, 0);
  const refunded = s.tills.reduce((n, t) => n + t.refundedFen, 0);
  out.push(
    { kind: 'pair', left: '全店销售', right: yuan(sales) },
    { kind: 'pair', left: '全店退款', right: yuan(-refunded) },
    { kind: 'pair', left: '全店净额', right: yuan(sales - refunded), bold: true },
  );
  if (s.lagging.length)
    out.push({
      kind: 'text',
      text: `未同步（5 分钟以上）：款台 ${s.lagging.join('、')}，数据可能不全`,
    });
  return out;
}
