import type {
  AppInfo,
  LastJob,
  OrderDetail,
  PaperPreview,
  Payment,
  PrinterInfo,
  PrinterList,
  PrinterStatusView,
  PrintJob,
  Receipt,
  RefundResult,
  Sale,
} from '../../../shared/domain';
import type {
  DrawerResult,
  PrintSummary,
  ReprintResult,
  TestResult,
} from '../../../shared/api/print';
import type { GatewayInfo, GatewaySetup } from '../../../shared/api/setup';
import type { BackupFile, StoreCheck } from '../../../shared/api/store';
import type { CasesSlice, RecoverySlice } from './recoveryTypes';
import type { FontId, ProfileId } from './slices/printer';
import type { ApiError, Result } from '../../../shared/result';
import type { Approval, Session } from '../../../shared/api/auth';
import type { AuditRow, AuditVerdict } from '../../../shared/api/audit';
import type { OrderSearch, OrderSummary } from '../../../shared/api/search';
import type { Report, Shift } from '../../../shared/api/shift';
import type { User } from '../../../shared/api/users';
import type { SyncStatus } from '../../../shared/api/sync';
import type { SellingSlices } from './selling-types';

export type Lang = 'zh' | 'en';
export type Screen =
  | 'checkout'
  | 'wallet'
  | 'status'
  | 'cash'
  | 'done'
  | 'supervisor'
  | 'technician'
  | 'setup'
  | 'recovery'
  | 'cases'
  | 'shift'
  | 'audit'
  | 'users'
  | 'products';

export interface AppSlice {
  info: AppInfo | null;
  lang: Lang;
  /** The last refusal or failure, shown in the red banner (Chinese, English under it). */
  error: ApiError | null;
  loadInfo(): Promise<void>;
  setLang(lang: Lang): void;
  showError(error: ApiError): void;
  clearError(): void;
}

export interface SaleSlice {
  sale: Sale | null;
  /** lineNo of the highlighted line, moved with ↑/↓. */
  selected: number | null;
  loadSale(): Promise<void>;
  scan(barcode: string): Promise<boolean>;
  select(lineNo: number): void;
  moveSelection(delta: 1 | -1): void;
  changeQty(delta: 1 | -1): Promise<void>;
  removeSelected(): Promise<void>;
  clearSale(): Promise<void>;
  /** From `sale.updated` events and every answer that carries a sale. */
  applySale(sale: Sale): void;
}

export interface PaymentSlice {
  payment: Payment | null;
  busy: boolean;
  startWallet(authCode: string): Promise<boolean>;
  /** `partial`: split tender, less than is due now, the rest by another tender. */
  startCash(receivedFen: number, partial?: boolean): Promise<boolean>;
  /** The paymentId the cashier asked to cancel (the host reverses it; the screen follows). */
  canceling: string | null;
  /** `pay.cancel` for the payment on screen: stops waiting, reverses, confirms by query. */
  cancelPayment(): Promise<void>;
  /** After a restart mid-payment: show the attempt the host still works on. */
  resumePayment(orderId: string): Promise<void>;
  /** The 1 s fallback when events do not come. */
  pollPayment(): Promise<void>;
  /** From `payment.updated` events and `pay.*` answers. */
  applyPayment(payment: Payment): void;
}

export interface ReceiptSlice {
  screen: Screen;
  receipt: Receipt | null;
  printJob: PrintJob | null;
  goTo(screen: Screen): void;
  loadReceipt(): Promise<void>;
  applyPrintJob(job: PrintJob): void;
  /** print.retry in flight (the cashier's 重新打印 after a failure that may have printed). */
  retrying: boolean;
  /** Only for a FAILED job the host does not resend itself; the cashier checked the paper. */
  retryPrint(): Promise<void>;
  /** Done → the next customer. */
  newSale(): Promise<void>;
}

/** Split tender: the payments of the order on the till, from `order.get`. */
export interface TenderSlice {
  /** orderId the list belongs to, and every attempt on it (PAID ones count towards the total). */
  tenderOrderId: string | null;
  orderPayments: Payment[];
  /** Re-reads the order's payments; answers the amount still due (null on failure). */
  refreshOrder(orderId: string): Promise<number | null>;
}

export interface RefundDraft {
  /** Made once when the dialog opens; every submit of this dialog reuses it. */
  requestId: string;
  busy: boolean;
  /** Once sent, the amount is fixed: a retry repeats the same request. null = all that is left. */
  sent: boolean;
  amountFen: number | null;
  reason: string | null;
  result: RefundResult | null;
  /** The refund slip's print job (退款单), followed by print events. */
  slipJob: PrintJob | null;
}

/** F6: the supervisor's order lookup and refunds. */
export interface SupervisorSlice {
  lookup: OrderDetail | null;
  lookupBusy: boolean;
  /** Every refund answer seen for the order on screen (this session), by refund no. */
  refundsSeen: RefundResult['refunds'];
  refund: RefundDraft | null;
  /** `quiet`: a miss is not an error (the caller searches next). */
  findOrder(query: string, opts?: { quiet?: boolean }): Promise<boolean>;
  openRefund(): void;
  closeRefund(): void;
  /** amountFen omitted = all that is left. Ignored while a submit is in flight. */
  submitRefund(reason: string, amountFen?: number): Promise<void>;
}

/** F9: the technician's printer screen. */
export interface PrinterSlice {
  printerInfo: PrinterInfo | null;
  /** Refreshed every 2 s by the bridge while the technician screen is open. */
  printerStatus: PrinterStatusView | null;
  printerList: PrinterList | null;
  lastJob: LastJob | null;
  /** printer.report's text while its box is open. */
  setupReport: string | null;
  techBusy: 'list' | 'test' | 'drawer' | 'configure' | 'report' | null;
  /** printer.configure's refusal of a field (uri, profile), shown under the field. */
  configError: ApiError | null;
  /** The last test page / drawer test and how it ended. */
  testResult: TestResult | null;
  openTechnician(): Promise<void>;
  refreshStatus(): Promise<void>;
  loadLastJob(): Promise<void>;
  findPrinters(): Promise<void>;
  configurePrinter(uri: string, profile?: ProfileId, font?: FontId): Promise<boolean>;
  printTest(kind: 'page' | 'drawer'): Promise<void>;
  loadReport(): Promise<void>;
  closeReport(): void;
  clearConfigError(): void;
}

/** The paper decoded from an order's latest job (receipt.preview), by orderId. */
export interface PreviewSlice {
  previews: Record<string, { jobId: string; paper: PaperPreview }>;
  /** Technicians: show the virtual printer's PNG instead of the HTML paper. */
  showPng: boolean;
  /** Asks again only when the order's latest job changed (a reprint is a new job). */
  loadPreview(orderId: string, jobId: string): Promise<void>;
  togglePng(): void;
}

/** The supervisor's 重打印 for the order found. */
export interface ReprintSlice {
  /** The latest print job of the order on the supervisor screen (events keep it current). */
  lookupJob: PrintJob | null;
  reprintBusy: boolean;
  /** The last reprint's answer: whether the original is still owed (then both will print). */
  lastReprint: ReprintResult | null;
  reprint(): Promise<void>;
  applyLookupJob(job: PrintJob): void;
}

/** Who is signed in (one person per till; both bindings see the same session). */
export interface AuthSlice {
  session: Session | null;
  authBusy: boolean;
  loadSession(): Promise<void>;
  signIn(userId: string, pin: string): Promise<boolean>;
  signOut(): Promise<void>;
  setup(userId: string, name: string, pin: string): Promise<boolean>;
  /** From `auth.changed` events and every auth answer: the screen follows who is signed in. */
  applySession(session: Session): void;
}

/** 主管授权: a supervisor types their 工号 and PIN on the cashier's screen. */
export interface ApprovalRequest {
  /** What is being approved, in the cashier's words (i18n key under approval.what). */
  what: string;
  /** The host's answer to the last try (BAD_PIN, LOCKED…), shown in the dialog. */
  error: ApiError | null;
  busy: boolean;
}
export interface ApprovalSlice {
  approval: ApprovalRequest | null;
  /**
   * Makes a call; if the host answers FORBIDDEN and a supervisor's approval would do, asks for
   * one and makes the same call again with it. Resolves with the last answer.
   */
  withApproval<T>(
    what: string,
    call: (approval?: Approval) => Promise<Result<T>>,
  ): Promise<Result<T>>;
  submitApproval(userId: string, pin: string): void;
  cancelApproval(): void;
}

/** 交接班: the till's shift, its reports. */
export interface ShiftSlice {
  shift: Shift | null;
  shiftLoaded: boolean;
  shiftBusy: boolean;
  /** The report on screen (the last one printed, or one picked from the list). */
  report: Report | null;
  reports: Omit<Report, 'text' | 'figures'>[];
  /** When the no-sale drawer last opened (the printer confirmed the kick), for the screen. */
  drawerOpenedAt: number | null;
  /** `first`: right after a sign-in, the first screen (checkout, or shift when none is open). */
  loadShift(first?: boolean): Promise<void>;
  openShift(floatFen: number): Promise<boolean>;
  beginClose(): Promise<void>;
  cancelClose(): Promise<void>;
  /** Z; with `carryOver` a supervisor approves carrying unresolved payments over. */
  closeShift(countedFen: number, carryOver?: boolean): Promise<boolean>;
  printX(): Promise<void>;
  printDay(): Promise<void>;
  loadReports(): Promise<void>;
  showReport(reportId: string): Promise<void>;
  reprintReport(): Promise<void>;
  applyShift(shift: Shift | null): void;
  /** 开钱箱 without a sale (a cashier needs a supervisor's approval; audited by the host). */
  noSaleDrawer(): Promise<void>;
  /** print.updated for the report on screen (reports are not tied to an order). */
  applyReportJob(job: PrintJob): void;
}

/** F6 list: today's orders by default, narrowed by the supervisor's filters. */
export interface SearchSlice {
  searchFilter: OrderSearch;
  results: OrderSummary[];
  resultsHasMore: boolean;
  searchBusy: boolean;
  search(filter?: OrderSearch): Promise<void>;
  /** The scanner's number: one hit opens the order, several are listed. */
  searchNumber(number: string): Promise<void>;
  closeOrder(): void;
}

/** The supervisor's audit trail and whether its chain verifies. */
export interface AuditSlice {
  auditRows: AuditRow[];
  auditHasMore: boolean;
  auditFilter: { actor?: string; action?: string; from?: string; to?: string };
  auditVerdict: AuditVerdict | null;
  loadAudit(filter?: AuditSlice['auditFilter'], more?: boolean): Promise<void>;
  verifyAudit(): Promise<void>;
}

/** The supervisor's staff list. */
export interface UsersSlice {
  users: User[];
  loadUsers(): Promise<void>;
  addUser(u: { userId: string; name: string; role: User['role']; pin: string }): Promise<boolean>;
  setUserActive(userId: string, active: boolean): Promise<void>;
  resetPin(userId: string, pin: string): Promise<boolean>;
}

/** The header's printer state and receipts owed; the technician's print queue. */
export interface PrintQueueSlice {
  printSummary: PrintSummary | null;
  /** print.queue's jobs while the technician screen shows them. */
  queueJobs: PrintJob[] | null;
  /** jobId of a retry or cancel in flight. */
  queueBusy: string | null;
  loadSummary(): Promise<void>;
  applySummary(summary: PrintSummary): void;
  loadQueue(): Promise<void>;
  applyQueueJob(job: PrintJob): void;
  retryJob(jobId: string): Promise<void>;
  /** Answers whether it was cancelled (the dialog closes then). */
  cancelJob(jobId: string, reason: string): Promise<boolean>;
}

/** The drawer opening for the sale on the Done screen. */
export interface DrawerSlice {
  drawer: DrawerResult | null;
  drawerBusy: boolean;
  applyDrawer(result: DrawerResult): void;
  loadDrawer(): Promise<void>;
  /** Only after this sale's drawer failed to open. */
  retryDrawer(): Promise<void>;
}

/** 收款设置 (checkout F1 in setup mode, supervisor F1): the acquirer's details and key (supervisor); the store check and backup (technician). */
export interface SetupSlice {
  gatewayInfo: GatewayInfo | null;
  setupBusy: boolean;
  /** gateway.configure's refusal, shown under the form. */
  setupError: ApiError | null;
  /** Saved: it applies at the next start of the till. */
  setupSaved: boolean;
  storeCheck: StoreCheck | null;
  storeBusy: 'check' | 'backup' | null;
  lastBackup: BackupFile | null;
  openSetup(): Promise<void>;
  saveGateway(input: GatewaySetup): Promise<boolean>;
  checkStore(): Promise<void>;
  backupStore(): Promise<void>;
  closeStoreCheck(): void;
}

/** The store database link (header badge, technician panel); refreshed by the bridge. */
export interface SyncSlice {
  sync: SyncStatus | null;
  loadSync(): Promise<void>;
  applySync(s: SyncStatus): void;
}

export type { RecoverySlice, CasesSlice, Wizard, WizardStep, WizardFrom } from './recoveryTypes';

export type All = RecoverySlice &
  CasesSlice &
  AppSlice &
  AuthSlice &
  ApprovalSlice &
  ShiftSlice &
  SearchSlice &
  AuditSlice &
  UsersSlice &
  SaleSlice &
  PaymentSlice &
  ReceiptSlice &
  TenderSlice &
  SupervisorSlice &
  PrinterSlice &
  PreviewSlice &
  ReprintSlice &
  PrintQueueSlice &
  DrawerSlice &
  SetupSlice &
  SellingSlices &
  SyncSlice;
