import type { AppInfo, Payment, PrintJob, Receipt, Sale } from '../../../shared/domain';
import type { ApiError } from '../../../shared/result';

export type Lang = 'zh' | 'en';
export type Screen = 'checkout' | 'wallet' | 'status' | 'cash' | 'done';

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
  startCash(receivedFen: number): Promise<boolean>;
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
  /** Done → the next customer. */
  newSale(): Promise<void>;
}

export type All = AppSlice & SaleSlice & PaymentSlice & ReceiptSlice;
