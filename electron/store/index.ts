import { createAuditRepo } from './audit';
import { createCasesRepo } from './cases';
import { openStore, type Db, type OpenOptions } from './db';
import { createPaymentsRepo } from './payments';
import { createPrintJobsRepo } from './printJobs';
import { createProductsRepo } from './products';
import { createReceiptsRepo } from './receipts';
import { createRefundsRepo } from './refunds';
import { createSalesRepo } from './sales';
import { createTimelineRepo } from './timeline';

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
    cases: createCasesRepo(db),
    timeline: createTimelineRepo(db),
  };
}
export type Repos = ReturnType<typeof createRepos>;

export function openRepos(file: string, opts?: OpenOptions): Repos {
  return createRepos(openStore(file, opts));
}
