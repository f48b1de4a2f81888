import { join } from 'node:path';
import { parseScaleFormat } from '../../shared/selling/scale';
import type { EventBus } from '../api/events';
import { createCatalogue } from '../catalogue/service';
import { createAdjustService } from '../services/adjust';
import type { Approve } from '../services/approval';
import type { Clock } from '../services/clock';
import { createCustomerDisplay } from '../services/display';
import { createHoldService } from '../services/hold';
import { createSaleService } from '../services/sale';
import type { Repos } from '../store';
import type { TillConfig } from './config';

export interface SellingOptions {
  config: TillConfig;
  repos: Repos;
  clock: Clock;
  events: EventBus;
  appRoot: string;
  sandbox: boolean;
  /** 工号 of the signed-in user making the call. */
  actor: () => string;
  /** The one approval function (services/approval.ts). */
  approve: Approve;
}

/**
 * The cart and what a shop sells with: catalogue (the demo only into a fresh sandbox store),
 * scale labels, limits, discounts, open price, hold/recall and the customer display.
 */
export function setUpSelling(o: SellingOptions) {
  const { config, repos, clock, events } = o;
  const catalogue = createCatalogue({ repos, clock, actor: o.actor });
  catalogue.backfillKeys();
  if (o.sandbox) catalogue.seedDemo(join(o.appRoot, 'resources', 'catalogue.json'));
  catalogue.warm();

  const sales = createSaleService({
    repos,
    clock,
    events,
    actor: o.actor,
    limits: config.limits,
    scaleFormats: config.scaleBarcodes.map(parseScaleFormat),
  });
  const common = { repos, sales, clock, limits: config.limits, approve: o.approve, actor: o.actor };
  return {
    sales,
    catalogue,
    holds: createHoldService(common),
    adjust: createAdjustService(common),
    display: createCustomerDisplay({
      repos,
      events,
      clock,
      current: sales.current,
      storeName: config.storeName,
      sandbox: o.sandbox,
    }),
  };
}
