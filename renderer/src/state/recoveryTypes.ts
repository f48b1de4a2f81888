import type {
  CaseView,
  LookupResult,
  PrinterCheck,
  SyncResult,
  TimelineEntry,
} from '../../../shared/api/recovery';
import type { PrintJob } from '../../../shared/domain';
import type { ApiError } from '../../../shared/result';

/** Where the wizard was opened from (it goes back there when closed). */
export type WizardFrom = 'done' | 'checkout' | 'status' | 'supervisor';

/**
 * The seed's decision tree, one question at a time: voucher (a) → the till's own record (a, no)
 * or the voucher's number (b) → paid here (printer checks, e) / paid at the platform only (sync,
 * c) / a payment no till knew / the platform says unpaid (掉单: sync with retries, d) → still
 * unpaid: goods withheld, a case recorded.
 */
export type WizardStep =
  | 'voucher'
  | 'ownRecord'
  | 'number'
  | 'notPaid'
  | 'paidNotSynced'
  | 'unknownPaid'
  | 'otherTill'
  | 'dropped'
  | 'withheld'
  | 'printer';

export interface Wizard {
  from: WizardFrom;
  /** The order the wizard is about: its steps go on this order's timeline. */
  orderId: string | null;
  /** The wallet attempt in question (sync, record). */
  paymentId: string | null;
  step: WizardStep;
  /** The number the customer showed, as last searched. */
  number: string | null;
  lookup: LookupResult | null;
  lookupError: ApiError | null;
  sync: SyncResult | null;
  /** d: sync attempts with a countdown to the next one. */
  retry: { attempt: number; of: number; nextAt: number | null } | null;
  printer: PrinterCheck | null;
  reprintJob: PrintJob | null;
  /** The original receipt is still owed: it prints first, then the copy. */
  originalPending: boolean;
  recorded: CaseView | null;
  busy: boolean;
}

/** 收银异常处理: the recovery wizard. */
export interface RecoverySlice {
  wizard: Wizard | null;
  openWizard(from: WizardFrom): Promise<void>;
  answerVoucher(yes: boolean): Promise<void>;
  submitNumber(number: string): Promise<void>;
  /** c: the platform has the money, the till does not — 同步订单 / 补单. */
  syncFound(): Promise<void>;
  /** d: sync again and again, a few seconds apart, before concluding unpaid. */
  syncDropped(): Promise<void>;
  /** d, still unpaid: the voucher's amount and time go to the supervisor; the sale is parked. */
  recordDropped(amountFen: number | null, voucherTime: string | null): Promise<void>;
  attachUnknown(): Promise<void>;
  recordUnknown(): Promise<void>;
  runPrinterCheck(): Promise<void>;
  /** e: the order is paid here — the printer questions. */
  toPrinterChecks(): Promise<void>;
  reprintFromWizard(): Promise<void>;
  applyWizardJob(job: PrintJob): void;
  /** Not paid: a new payment (the host gives it a new merchant order no.). */
  payAgain(): Promise<void>;
  closeWizard(): Promise<void>;
}

/** Supervisor cases (挂起 / 异常单) and the order timeline. */
export interface CasesSlice {
  cases: CaseView[];
  /** Shown in the header; kept current by `case.updated` events. */
  openCases: number;
  casesBusy: boolean;
  selectedCase: string | null;
  timeline: { orderId: string; entries: TimelineEntry[] } | null;
  loadCases(): Promise<void>;
  applyCaseCount(openCount: number): void;
  selectCase(caseId: string | null): Promise<void>;
  syncCase(paymentId: string): Promise<void>;
  resolveCase(caseId: string, action: 'REFUND' | 'CLOSE'): Promise<void>;
  loadTimeline(orderId: string): Promise<void>;
  /** Checkout: 挂起 a split sale the customer walked away from. */
  parkSale(): Promise<boolean>;
}
