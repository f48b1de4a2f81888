import type { HeldSale, ProductView } from '../../../shared/selling/schemas';

/** 商品查询 as the cashier types letters into the scan field. */
export interface ProductSearchSlice {
  searchQuery: string;
  searchResults: ProductView[];
  /** Highlighted result (↑/↓), or -1. */
  searchIndex: number;
  searchProducts(query: string): Promise<void>;
  moveSearch(delta: 1 | -1): void;
  clearSearch(): void;
}

/** 挂单 / 取单. */
export interface HoldSlice {
  held: HeldSale[];
  holdOpen: boolean;
  holdIndex: number;
  openHold(): Promise<void>;
  closeHold(): void;
  moveHold(delta: 1 | -1): void;
  holdSale(): Promise<boolean>;
  recallSale(orderId: string): Promise<boolean>;
}

export type SellingDialog = 'qty' | 'discount' | 'openPrice' | null;

/** 数量, 折扣, 无码商品: the checkout's dialogs. */
export interface AdjustSlice {
  dialog: SellingDialog;
  openDialog(dialog: Exclude<SellingDialog, null>): void;
  closeDialog(): void;
  setLineQty(qty: number): Promise<boolean>;
  giveDiscount(
    target: 'line' | 'order',
    kind: 'amount' | 'percent',
    value: number,
  ): Promise<boolean>;
  addOpenPrice(priceFen: number, name?: string): Promise<boolean>;
}

/** The supervisor's 商品改价 screen. */
export interface ProductsSlice {
  priceResults: ProductView[];
  priceSelected: ProductView | null;
  priceSaved: ProductView | null;
  findProducts(query: string): Promise<void>;
  /** null: back to the search. */
  selectProduct(p: ProductView | null): void;
  savePrice(priceFen: number): Promise<boolean>;
}

export type SellingSlices = ProductSearchSlice & HoldSlice & AdjustSlice & ProductsSlice;
