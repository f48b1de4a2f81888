import { createAuditRepo } from './audit';
import { createCatalogueVersionsRepo } from './catalogueVersions';
import { openStore, type Db, type OpenOptions } from './db';
import { createDiscountReport } from './discountReport';
import { createHoldsRepo } from './holds';
import { createPaymentsRepo } from './payments';
import { createPrintJobsRepo } from './printJobs';
import { createProductsRepo } from './products';
import { createReceiptsRepo } from './receipts';
import { createRefundsRepo } from './refunds';
import { createSalesRepo } from './sales';

export type { Db } from './db';

export function createRepos(db: Db) {
  return {
    db,
    sales: createSalesRepo(db),
    products: createProductsRepo(db),
    payments: createPaymentsRepo(db),
    printJobs: createPrintJobsRepo(db),
    receipts: createReceiptsRepo(db),
    audit: createAuditRepo(db),
    refunds: createRefundsRepo(db),
    catalogue: createCatalogueVersionsRepo(db),
    holds: createHoldsRepo(db),
    discounts: createDiscountReport(db),
  };
}
export type Repos = ReturnType<typeof createRepos>;

export function openRepos(file: string, opts?: OpenOptions): Repos {
  return createRepos(openStore(file, opts));
}
