import { createAuditRepo, type AuditContext } from './audit';
import { createCasesRepo } from './cases';
import { createCatalogueVersionsRepo } from './catalogueVersions';
import { openStore, type Db, type OpenOptions } from './db';
import { createDiscountReport } from './discountReport';
import { createHoldsRepo } from './holds';
import { createPaymentsRepo } from './payments';
import { createPrintJobsRepo } from './printJobs';
import { createProductsRepo } from './products';
import { createReceiptsRepo } from './receipts';
import { createRefundsRepo } from './refunds';
import { createReportsRepo } from './reports';
import { createSalesRepo } from './sales';
import { createSearchRepo } from './search';
import { createShiftsRepo } from './shifts';
import { createUsersRepo } from './users';
import { createTimelineRepo } from './timeline';

export type { Db } from './db';

export interface RepoOptions {
  /** The call in progress (who approved it), stamped on every audit row it writes. */
  auditContext?: () => AuditContext | null;
}

export function createRepos(db: Db, opts: RepoOptions = {}) {
  return {
    db,
    sales: createSalesRepo(db),
    products: createProductsRepo(db),
    payments: createPaymentsRepo(db),
    printJobs: createPrintJobsRepo(db),
    receipts: createReceiptsRepo(db),
    audit: createAuditRepo(db, opts.auditContext),
    refunds: createRefundsRepo(db),
    users: createUsersRepo(db),
    shifts: createShiftsRepo(db),
    reports: createReportsRepo(db),
    search: createSearchRepo(db),
    cases: createCasesRepo(db),
    timeline: createTimelineRepo(db),
    catalogue: createCatalogueVersionsRepo(db),
    holds: createHoldsRepo(db),
    discounts: createDiscountReport(db),
  };
}
export type Repos = ReturnType<typeof createRepos>;

export function openRepos(file: string, opts?: OpenOptions & RepoOptions): Repos {
  return createRepos(openStore(file, opts), opts);
}
